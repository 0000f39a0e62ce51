/** The roll call every deployment has: the morning apel, whose window is the settings' own. */
export const PAGI = 'pagi';
