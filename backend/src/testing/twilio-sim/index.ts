export { SimPhone, type PlayedChunk, type StreamStart } from './sim-phone.js';
export { completeCall, placeCall, randomCallSid, type PlaceCallOptions, type PlacedCall } from './place-call.js';
export { readTwiml, type TwimlStep } from './twiml.js';
