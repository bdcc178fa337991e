import { Gauge, type Registry } from 'prom-client';
import type { Models } from './models/index.ts';

/** `civic_personal_data_reads_logged`: the entries in the access log, counted when scraped (the collection's own count, cheap at any size). */
export function registerResidentsMetrics(registry: Registry, models: Models): void {
  new Gauge({
    name: 'civic_personal_data_reads_logged',
    help: "Entries in the access log of unmasked reads of residents' sensitive data",
    registers: [registry],
    async collect() {
      this.set(await models.PersonalDataRead.estimatedDocumentCount());
    },
  });
}
