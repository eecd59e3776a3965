export { RealtimeFake, type FakeDialect, type RealtimeFakeOptions } from './realtime-fake.js';
export { FakeRealtimeConnection, defaultResponder, fakeSpeech, type FakeResponder } from './fake-connection.js';
