import { subgraphCodegenConfig } from '@civic/service-kit/codegen';

// Each GraphQL type the resolvers receive, mapped to this service's own document or parent type.
export default subgraphCodegenConfig({
  PersonalDataExport: '@civic/service-kit#PersonalDataExportReference',
  Meeting: '../models/meeting.ts#MeetingDocument',
  AgendaItem: '../models/agenda-item.ts#AgendaItemDocument',
  Decision: '../models/agenda-item.ts#DecisionDocument',
  Participant: '../models/participant.ts#ParticipantDocument',
  ActionItem: '../models/action-item.ts#ActionItemDocument',
  ActionItemProgress: '../models/action-item.ts#ProgressDocument',
  MicroProject: '../models/micro-project.ts#MicroProjectDocument',
  MicroProjectVotingResult: '../mappers.ts#MicroProjectVotingResultParent',
  MeetingConnection: '../mappers.ts#MeetingConnectionParent',
  MeetingEdge: '../mappers.ts#MeetingEdgeParent',
  AgendaItemConnection: '../mappers.ts#AgendaItemConnectionParent',
  AgendaItemEdge: '../mappers.ts#AgendaItemEdgeParent',
  ParticipantConnection: '../mappers.ts#ParticipantConnectionParent',
  ParticipantEdge: '../mappers.ts#ParticipantEdgeParent',
  ActionItemConnection: '../mappers.ts#ActionItemConnectionParent',
  ActionItemEdge: '../mappers.ts#ActionItemEdgeParent',
  MicroProjectConnection: '../mappers.ts#MicroProjectConnectionParent',
  MicroProjectEdge: '../mappers.ts#MicroProjectEdgeParent',
  Organisation: '../mappers.ts#EntityReference',
  Resident: '../mappers.ts#ResidentReference',
  Wish: '../mappers.ts#EntityReference',
});
