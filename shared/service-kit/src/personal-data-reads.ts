import { PERSONAL_DATA_FIELDS, type PersonalDataField } from '@civic/events';
import type { Viewer } from '@civic/identity';

/**
 * The access log's rules (PIPL: sensitive personal information, a purpose for each use), for every
 * department that answers a resident's sensitive data. Every answer that holds it unmasked, given
 * to anyone but the resident themself, is logged: staff, services, and any other reader a
 * department lets see it. A masked answer holds nothing to log.
 */

/** Whether answering `viewer` with this resident's unmasked data is logged: for anyone but the resident. */
export function readIsLogged(viewer: Viewer, residentId: string): boolean {
  return viewer.residentId !== residentId;
}

/** One field of one resident answered unmasked; `TPath` is whatever the department keeps of where they live. */
export interface UnmaskedRead<TPath = null> {
  residentId: string;
  organisationPath: TPath;
  field: PersonalDataField;
  at: Date;
}

export interface ReadsOfResident<TPath = null> {
  residentId: string;
  organisationPath: TPath;
  fields: PersonalDataField[];
  at: Date;
}

/**
 * One entry per resident for the reads of one batch (the fields one answer held of them, in the
 * vocabulary's order, each once), dated by the earliest read; residents in the order first read.
 */
export function readsByResident<TPath>(reads: readonly UnmaskedRead<TPath>[]): ReadsOfResident<TPath>[] {
  const byResident = new Map<string, { organisationPath: TPath; fields: Set<PersonalDataField>; at: Date }>();
  for (const read of reads) {
    const entry = byResident.get(read.residentId) ?? { organisationPath: read.organisationPath, fields: new Set(), at: read.at };
    entry.fields.add(read.field);
    if (read.at < entry.at) entry.at = read.at;
    byResident.set(read.residentId, entry);
  }
  return [...byResident].map(([residentId, entry]) => ({
    residentId,
    organisationPath: entry.organisationPath,
    fields: PERSONAL_DATA_FIELDS.filter((field) => entry.fields.has(field)),
    at: entry.at,
  }));
}
