/**
 * A resident's data export (exportMyData) as each subgraph receives it: the entity's key, the
 * resident whose data it is. Each department adds its part as a field and answers it for that
 * resident alone (`requireSelf`).
 */
export interface PersonalDataExportReference {
  residentId: string;
}
