import type { Category } from '@claimdesk/contracts';

/**
 * The one mapping from the General Staff dataset's fields (PetroIvaniuk/2022-Ukraine-Russia-War-Dataset)
 * onto the parser's categories (../shared/docs/claim-format.md). Fields that map onto one category
 * are summed within a day: until 2022-04-30 the report listed "military auto" and "fuel tank"
 * apart, and from 2022-05-01 it gives only their sum, "vehicles and fuel tanks", which is what the
 * parser's `vehicles` counts (vehicles incl. fuel tanks).
 */
export const GENERAL_STAFF_FIELDS = {
  personnel: 'personnel',
  POW: 'captured',
  tank: 'tanks',
  APC: 'armoured_vehicles',
  'field artillery': 'artillery',
  MRL: 'mlrs',
  'anti-aircraft warfare': 'air_defence',
  aircraft: 'aircraft',
  helicopter: 'helicopters',
  drone: 'uav',
  'cruise missiles': 'missiles',
  'naval ship': 'ships',
  'vehicles and fuel tanks': 'vehicles',
  'military auto': 'vehicles',
  'fuel tank': 'vehicles',
  'special equipment': 'special_equipment',
} as const satisfies Record<string, Category>;

/**
 * Fields with no counterpart among the parser's categories: they are read and left out (the import
 * report names them). Listed here so a new field in a later version of the dataset is reported
 * as unknown rather than silently dropped.
 */
export const GENERAL_STAFF_UNMAPPED: Record<string, string> = {
  submarines: 'listed apart from naval ships since 2023; the parser has no submarine category',
  'mobile SRBM system': 'launchers, not missiles; joined into "cruise missiles" from 2022-05-01',
  'ground robotic systems': 'no parser category',
  'greatest losses direction': 'a place name, not a count',
};

/** Fields that describe the record rather than count anything. */
export const GENERAL_STAFF_META_FIELDS = new Set(['date', 'day', 'personnel*']);

/** The personnel count's own qualifier ("personnel*": "about" 4300, "more" than 1000). */
export const GENERAL_STAFF_QUALIFIERS = { about: 'approx', more: 'more_than' } as const;

/** Every figure in the report is a loss of Russia's forces. */
export const GENERAL_STAFF_SUBJECT = 'russia';

export const GENERAL_STAFF_DATASET = {
  slug: 'general-staff',
  name: "General Staff of the Armed Forces of Ukraine: Russia's losses",
  publisher: 'General Staff of the Armed Forces of Ukraine (structured by Petro Ivaniuk)',
  licence: 'MIT',
  url: 'https://github.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset',
  // Running totals since the invasion began.
  cumulativeFrom: '2022-02-24',
};
