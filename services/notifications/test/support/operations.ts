/** The operations the tests send, through the gateway or to the subgraph in process. */

const NOTIFICATION = `id kind title body read readAt createdAt occurredAt actionItemId bookingId
  recipient { __typename ... on Resident { id } ... on Organisation { id } }
  wish { id } meeting { id } resource { id } deliveries { channel status failure }`;

export const MY_NOTIFICATIONS = `query MyNotifications($unreadOnly: Boolean, $first: Int, $after: String) {
  myNotifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount unreadCount pageInfo { hasNextPage endCursor } edges { cursor node { ${NOTIFICATION} } }
  }
}`;

export const ONE_NOTIFICATION = `query OneNotification($id: ID!) { notification(id: $id) { id title read recipient { __typename ... on Resident { id } ... on Organisation { id } } } }`;

export const ORGANISATION_NOTIFICATIONS = `query OrganisationNotifications($id: ID!, $unreadOnly: Boolean, $first: Int, $after: String) {
  organisation(id: $id) {
    name
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
      totalCount unreadCount pageInfo { hasNextPage endCursor } edges { node { ${NOTIFICATION} } }
    }
  }
}`;

export const MARK_READ = `mutation MarkRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read readAt } }`;

export const MARK_ALL_READ = `mutation MarkAllRead($organisationId: ID) { markAllNotificationsRead(organisationId: $organisationId) }`;

export const PREFERENCES = `query Preferences($organisationId: ID) {
  notificationPreferences(organisationId: $organisationId) {
    recipient { __typename ... on Resident { id } ... on Organisation { id } }
    choices { kind channels }
  }
}`;

export const SET_PREFERENCES = `mutation SetPreferences($organisationId: ID, $choices: [NotificationChoiceInput!]!) {
  setNotificationPreferences(organisationId: $organisationId, choices: $choices) {
    recipient { __typename ... on Resident { id } ... on Organisation { id } }
    choices { kind channels }
  }
}`;

export const DELIVER = `mutation Deliver { deliverNotifications }`;
