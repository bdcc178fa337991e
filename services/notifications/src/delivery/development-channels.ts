import type { Logger } from '@civic/service-kit';
import type { DeliveryChannel, OutgoingMessage } from './delivery-channel.ts';

/**
 * The development adapters of SMS and WeChat template messages: each logs one JSON line saying
 * what would be sent to which recipient id, in the shape its provider would be given, and
 * succeeds. A production adapter calls its provider with the same message.
 */

/** An SMS: one line of text. */
export function developmentSms(logger: Logger): DeliveryChannel {
  return {
    channel: 'SMS',
    send(message: OutgoingMessage) {
      logger.info({ delivery: { channel: 'SMS', notificationId: message.notificationId, recipient: message.recipient, text: `${message.title}：${message.body}` } }, 'SMS would be sent');
      return Promise.resolve();
    },
  };
}

/** A WeChat template message: a template and its data fields. */
export function developmentWeChat(logger: Logger): DeliveryChannel {
  return {
    channel: 'WECHAT',
    send(message: OutgoingMessage) {
      const data = { first: message.title, keyword1: message.kind, remark: message.body };
      logger.info({ delivery: { channel: 'WECHAT', notificationId: message.notificationId, recipient: message.recipient, template: 'civic-notification', data } }, 'WeChat template message would be sent');
      return Promise.resolve();
    },
  };
}

export function developmentChannels(logger: Logger): DeliveryChannel[] {
  return [developmentSms(logger), developmentWeChat(logger)];
}
