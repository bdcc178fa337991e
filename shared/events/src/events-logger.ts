/** The part of the services' structured logger (pino) the event machinery writes to. */
export interface EventsLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
