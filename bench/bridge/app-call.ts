/** What the full-app mode's server and phones agree on: the number dialled and the webhook secret. */
/** `demo_restaurant`'s dedicated number (contract §6): straight to the stream, no access gate. */
export const APP_DIALLED_NUMBER = '+15550100001';
/** Twilio auth token of the bench: webhooks are signed and checked as in production. */
export const APP_TWILIO_AUTH_TOKEN = 'bench-twilio-auth-token';
