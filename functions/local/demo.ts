import type { Employee, Site } from '../core/model';
import type { DemoPerson } from './sign-in';

/**
 * The demo deployment: the yard in front of Medan city hall (Balai Kota Medan), approximately,
 * containing 3.5905 N 98.6773 E, and a roster of 700 spread over city units (OPD).
 */
export const DEMO_SITE: Site = {
  siteId: 'balai-kota-medan',
  name: 'Halaman Balai Kota Medan',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [98.67665, 3.59085],
        [98.67725, 3.59098],
        [98.6779, 3.59088],
        [98.67795, 3.5901],
        [98.6767, 3.59],
        [98.67665, 3.59085],
      ],
    ],
  },
};

export const DEMO_POINT = { lat: 3.5905, lon: 98.6773 } as const;

export const DEMO_UNITS = [
  'Badan Kepegawaian dan Pengembangan SDM',
  'Badan Pendapatan Daerah',
  'Dinas Kesehatan',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Lingkungan Hidup',
  'Dinas Pendidikan',
  'Dinas Perhubungan',
  'Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi',
  'Satuan Polisi Pamong Praja',
  'Sekretariat Daerah',
] as const;

const GIVEN = [
  'Ahmad',
  'Siti',
  'Budi',
  'Dewi',
  'Rizky',
  'Nur',
  'Andi',
  'Sri',
  'Hendra',
  'Rina',
  'Fajar',
  'Putri',
  'Agus',
  'Lestari',
  'Dimas',
  'Ayu',
  'Yusuf',
  'Maya',
  'Irwan',
  'Fitri',
  'Bambang',
  'Wulan',
  'Eko',
  'Indah',
  'Taufik',
  'Ratna',
  'Rahmat',
  'Yanti',
  'Hasan',
  'Nabila',
  'Joko',
];
const FAMILY = [
  'Siregar',
  'Nasution',
  'Lubis',
  'Harahap',
  'Sinaga',
  'Simanjuntak',
  'Hutapea',
  'Tarigan',
  'Ginting',
  'Sembiring',
  'Pane',
  'Daulay',
  'Batubara',
  'Rangkuti',
  'Pohan',
  'Sitompul',
  'Hasibuan',
  'Manurung',
  'Situmorang',
  'Panjaitan',
  'Purba',
  'Saragih',
  'Damanik',
];

export function demoEmployeeId(n: number): string {
  return `demo-${String(n).padStart(3, '0')}`;
}

export function demoRoster(size = 700): Employee[] {
  return Array.from({ length: size }, (_, i) => ({
    employeeId: demoEmployeeId(i + 1),
    name: `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7 + Math.floor(i / GIVEN.length)) % FAMILY.length]}`,
    unit: DEMO_UNITS[i % DEMO_UNITS.length] as string,
    siteIds: [DEMO_SITE.siteId],
    active: true,
  }));
}

/** Whom the local demo sign-in offers: the first 20 of the roster and an admin of BKD. */
export function demoPeople(): DemoPerson[] {
  return [
    ...demoRoster(20).map(({ employeeId, name, unit }) => ({ employeeId, name, unit })),
    { employeeId: 'bkd-admin', name: 'Admin BKD', unit: 'admin', admin: true },
  ];
}
