import { vi } from 'vitest';

/** One line of CloudWatch's embedded metric format, as Powertools writes it. */
export interface EmfLine {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

/**
 * Run `fn` and collect the EMF lines written on stdout meanwhile (on Lambda, CloudWatch Logs
 * turns them into metrics). Other output written meanwhile is dropped.
 */
export async function emfDuring<T>(fn: () => Promise<T>): Promise<{ result: T; emf: EmfLine[] }> {
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    const result = await fn();
    const emf = chunks
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{') && line.includes('"_aws"'))
      .map((line) => JSON.parse(line) as EmfLine);
    return { result, emf };
  } finally {
    write.mockRestore();
  }
}
