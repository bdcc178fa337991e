/** The operations the subgraph tests send, as a front end would. */

export const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id kind title level status place onlineUrl hosts { id } } }`;
export const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id position title wish { id } microProject { id } } }`;
export const INVITE = `mutation($input: InviteParticipantInput!) { inviteParticipant(input: $input) { id role reply attended resident { id } organisation { id } } }`;
export const REPLY = `mutation($id: ID!, $reply: InvitationReply!) { replyToInvitation(participantId: $id, reply: $reply) { id reply } }`;
export const ATTEND = `mutation($id: ID!) { recordAttendance(participantId: $id, attended: true) { id attended } }`;
export const OPEN = `mutation($id: ID!) { openMeeting(id: $id) { id status } }`;
export const CLOSE = `mutation($id: ID!) { closeMeeting(id: $id) { id status } }`;
export const DECIDE = `mutation($input: RecordDecisionInput!) {
  recordDecision(input: $input) { id minutes decision { text adopted votes { inFavour against abstaining } microProjectOutcome } }
}`;
export const ASSIGN = `mutation($input: AssignActionItemInput!) { assignActionItem(input: $input) { id description status overdue deadline responsibleOrganisation { id } } }`;
export const REPORT = `mutation($input: ReportActionItemProgressInput!) { reportActionItemProgress(input: $input) { id status overdue progress { note status } } }`;
export const PROPOSE = `mutation($input: ProposeMicroProjectInput!) { proposeMicroProject(input: $input) { id title status votes votingOpen } }`;
export const VOTE = `mutation($id: ID!) { voteForMicroProject(microProjectId: $id) { id votes viewerVoted } }`;
export const CLOSE_VOTING = `mutation($input: CloseMicroProjectVotingInput!) {
  closeMicroProjectVoting(input: $input) {
    prioritised { title status votes }
    sentToReview { title status votes }
    reviewMeeting { kind title level status agenda { totalCount edges { node { position title microProject { title status } } } } }
  }
}`;
