// The two engine classes Reglament uses from node-gost-crypto (a CommonJS port of Rudolf
// Nickolaev's GostCrypto): the GOST R 34.11-2012 digest and the GOST R 34.10-2012 signature.
declare module "node-gost-crypto/lib/gostDigest.js" {
  class GostDigest {
    constructor(algorithm: { name: "GOST R 34.11"; version: 2012; length: 256 | 512 });
    digest(data: Uint8Array | ArrayBuffer): ArrayBuffer;
  }
  export = GostDigest;
}
declare module "node-gost-crypto/lib/gostSign.js" {
  class GostSign {
    constructor(algorithm: {
      name: "GOST R 34.10";
      version: 2012;
      length: 256;
      namedCurve: string;
      hash?: { name: "GOST R 34.11"; version: 2012; length: 256 };
      procreator?: "CP";
      ukm?: Uint8Array;
    });
    sign(privateKey: Uint8Array | ArrayBuffer, data: Uint8Array | ArrayBuffer): ArrayBuffer;
    verify(
      publicKey: Uint8Array | ArrayBuffer,
      signature: Uint8Array | ArrayBuffer,
      data: Uint8Array | ArrayBuffer,
    ): boolean;
    generateKey(): { privateKey: ArrayBuffer; publicKey: ArrayBuffer };
  }
  export = GostSign;
}
