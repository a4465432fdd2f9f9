export { DroppedConnectionError, FakeTwilio, OUTSIDE_WINDOW, type FakeTwilioOptions, type InboundMessageInput } from './fake-twilio';
export type { FaultSpec } from './faults';
export type { DeliveryFailure, MediaResource, MessageResource } from './messages';
export { twilioHandlers } from './msw';
export type { Params, RecordedRequest, RequestPredicate } from './requests';
export { startFakeTwilioServer, type FakeTwilioServer, type FakeTwilioServerOptions } from './server';
export { responsePropertyNames, schemaPropertyNames } from './spec';
export type { ApprovalRequest, ContentAndApprovalsResource, ContentResource, TemplateInput } from './templates';
