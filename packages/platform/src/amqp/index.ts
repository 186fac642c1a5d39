export { AmqpConnection, sleep, type ConnectHook } from './connection';
export { ConfirmPublisher, type PublishOptions } from './confirm-publisher';
export { declareTopology } from './topology';
export { EventBus, type EventBusOptions } from './event-bus';
export { StageConsumer, type ConsumerOptions, type DocumentGate } from './consumer';
export { deriveId, followUpEvent, originEvent, next, type Outgoing } from './event-factory';
export type { EventHandler, HandlerMap, HandlerContext, HandlerResult } from './handler';
export { HEADERS, type DeadLetterReason } from './headers';
export { headerCount } from './inbound-message';
