// GOST R 34.11-2012 (Streebog) and GOST R 34.10-2012 with 256-bit keys, the algorithms of a
// qualified electronic signature in Russia (63-FZ; R20, R26 for results, R17 for what applicants
// send). The arithmetic is node-gost-crypto's pure-JavaScript engine; this file fixes the
// conventions that make its output interoperate with the OpenSSL GOST engine and CryptoPro:
// keys and hashes as little-endian integers, the signature as the "CP" byte order that
// X.509 and CMS carry (RFC 4491, RFC 7091), the CryptoPro-A parameter set for new keys (the one
// `openssl genpkey -algorithm gost2012_256 -pkeyopt paramset:A` makes). Nonces and keys come from
// the platform's CSPRNG, never from the engine's own fallback.
import GostDigest from "node-gost-crypto/lib/gostDigest.js";
import GostSign from "node-gost-crypto/lib/gostSign.js";

/** Parameter sets a 256-bit GOST R 34.10-2012 key may name (OID → the engine's curve name). */
export const CURVES: Record<string, string> = {
  "1.2.643.2.2.35.1": "S-256-A", // id-GostR3410-2001-CryptoPro-A-ParamSet (tc26 paramset B is the same curve)
  "1.2.643.2.2.35.2": "S-256-B",
  "1.2.643.2.2.35.3": "S-256-C",
  "1.2.643.2.2.36.0": "S-256-A", // XchA
  "1.2.643.2.2.36.1": "S-256-C", // XchB
  "1.2.643.7.1.2.1.1.2": "S-256-A", // id-tc26-gost-3410-2012-256-paramSetB
  "1.2.643.7.1.2.1.1.3": "S-256-B", // paramSetC
  "1.2.643.7.1.2.1.1.4": "S-256-C", // paramSetD
};

export const OID = {
  gost2012_256: "1.2.643.7.1.1.1.1",
  streebog256: "1.2.643.7.1.1.2.2",
  signWithStreebog256: "1.2.643.7.1.1.3.2",
  cryptoProA: "1.2.643.2.2.35.1",
} as const;

/** The order of the base point of each curve, to keep private keys in range. */
const ORDER: Record<string, bigint> = {
  "S-256-A": 0xffffffffffffffffffffffffffffffff6c611070995ad10045841b09b761b893n,
  "S-256-B": 0x800000000000000000000000000000015f700cfff1a624e5e497161bcc8a198fn,
  "S-256-C": 0x9b9f605f5a858107ab1ec85e6b41c8aa582ca3511eddfb74f02f3a6598980bb9n,
};

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}

function littleEndian(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!);
  return v;
}

/** GOST R 34.11-2012, 256-bit: the digest bytes as OpenSSL's md_gost12_256 prints them. */
export function streebog256(data: Uint8Array): Uint8Array {
  return new Uint8Array(new GostDigest({ name: "GOST R 34.11", version: 2012, length: 256 }).digest(data));
}

function engine(curveOid: string, ukm?: Uint8Array) {
  const namedCurve = CURVES[curveOid];
  if (!namedCurve) throw new Error(`unsupported GOST parameter set ${curveOid}`);
  return new GostSign({
    name: "GOST R 34.10",
    version: 2012,
    length: 256,
    namedCurve,
    hash: { name: "GOST R 34.11", version: 2012, length: 256 },
    procreator: "CP",
    ...(ukm ? { ukm } : {}),
  });
}

/** A new key pair: the private key as 32 little-endian bytes, the public key as X||Y little-endian. */
export function generateKeyPair(curveOid: string = OID.cryptoProA): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const q = ORDER[CURVES[curveOid] ?? ""];
  if (!q) throw new Error(`unsupported GOST parameter set ${curveOid}`);
  for (;;) {
    const d = randomBytes(32);
    const v = littleEndian(d);
    if (v === 0n || v >= q) continue;
    const pair = engine(curveOid, d).generateKey();
    return { privateKey: new Uint8Array(pair.privateKey), publicKey: new Uint8Array(pair.publicKey) };
  }
}

/** The public key of a private key (to check that a key file and a certificate belong together). */
export function publicKeyOf(privateKey: Uint8Array, curveOid: string): Uint8Array {
  return new Uint8Array(engine(curveOid, privateKey).generateKey().publicKey);
}

/** Signs Streebog-256(data): 64 bytes in the order X.509 and CMS carry them. */
export function gostSign(privateKey: Uint8Array, data: Uint8Array, curveOid: string): Uint8Array {
  const q = ORDER[CURVES[curveOid] ?? ""]!;
  let k: Uint8Array;
  do k = randomBytes(32);
  while (littleEndian(k) === 0n || littleEndian(k) >= q);
  return gostSignWithNonce(privateKey, data, curveOid, k);
}

/** The signature with a given nonce `k` (32 little-endian bytes, 0 < k < q): for known-answer tests. */
export function gostSignWithNonce(
  privateKey: Uint8Array,
  data: Uint8Array,
  curveOid: string,
  k: Uint8Array,
): Uint8Array {
  return new Uint8Array(engine(curveOid, k).sign(privateKey, data));
}

/** Whether `signature` is a signature of Streebog-256(data) by the holder of `publicKey`. */
export function gostVerify(publicKey: Uint8Array, signature: Uint8Array, data: Uint8Array, curveOid: string): boolean {
  if (publicKey.length !== 64 || signature.length !== 64) return false;
  try {
    return engine(curveOid).verify(publicKey, signature, data);
  } catch {
    return false;
  }
}
