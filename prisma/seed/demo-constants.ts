// Constants of the demo municipality that tests and Playwright read without loading the seed (which
// imports server-only modules).

/** The PIN of the signing keys the demo holds for signer@ and archive-head@ (issue 15; README, demo accounts). */
export const DEMO_SIGNING_PIN = "123456";
