/** The words of the notifications service, as the schema spells them. */

export const NOTIFICATION_KINDS = [
  'REQUEST_RECEIVED',
  'REQUEST_ESCALATED',
  'DEADLINE_NEAR',
  'DEADLINE_PASSED',
  'CLAIM_WON',
  'CLAIM_LOST',
  'WISH_STATUS_CHANGED',
  'WORK_REOPENED',
  'SERVICE_CONFIRMED',
  'ACTION_ITEM_ASSIGNED',
  'ACTION_ITEM_OVERDUE',
  'BOOKING_CONFIRMED',
  'DATA_CORRECTION_REQUESTED',
  'DATA_CORRECTION_DECIDED',
  'MOBILISATION_OVERDUE',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The inbox: always on, written with the notification itself. */
export const IN_APP = 'IN_APP';

/** Channels outside the app, each delivered after the inbox commit by the delivery job. */
export const OUTSIDE_CHANNELS = ['SMS', 'WECHAT'] as const;
export type OutsideChannel = (typeof OUTSIDE_CHANNELS)[number];
export type NotificationChannel = typeof IN_APP | OutsideChannel;

export const DELIVERY_STATUSES = ['PENDING', 'SENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const RECIPIENT_TYPES = ['Resident', 'Organisation'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];
