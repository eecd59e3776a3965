/** Per-response instructions for what the bridge itself must have said (limits, a failed transfer). */
export const LINES = Object.freeze({
  durationWarning:
    'Tell the caller briefly and politely that this call will end in about a minute because of the time limit, then carry on helping them.',
  durationGoodbye: 'The call has reached its time limit. Say one short, polite goodbye sentence now, and ask nothing else.',
  stillThere: 'The caller has been silent for a while. Ask once, briefly: "Are you still there?"',
  silenceGoodbye: 'The caller is not answering. Say one short, polite goodbye sentence now, and ask nothing else.',
  transferFailed: 'The transfer did not go through. Apologise briefly and offer to take a message for the team instead.',
});

/** Told to the model (no response asked: the caller is speaking) when a barge-in called an action off. */
export const CANCELLED_NOTES = Object.freeze({
  transfer: 'The caller spoke over the handoff line, so the transfer was called off and they are still with you. Listen to them; if they still want a person, call transfer_call again.',
  hang_up: 'The caller spoke over the goodbye, so the call stays open. Listen and help them; call end_call again when they are done.',
});
