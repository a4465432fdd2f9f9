export { FakePipedrive, type FakePipedriveOptions, type RecordedPipedriveRequest } from './fake-pipedrive';
export { pipedriveHandlers } from './msw';
export type { ContactDetailInput, DealInput, OrganizationInput, PersonInput, UserInput } from './records';
export { startFakePipedriveServer, type FakePipedriveServer, type FakePipedriveServerOptions } from './server';
