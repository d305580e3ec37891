// The CryptoPro EDS Browser plug-in (issue 15 p.2), for installations whose officials keep their keys
// on tokens under CryptoPro CSP: written against the plug-in's documented asynchronous API
// (docs.cryptopro.ru/cades/plugin: CAdESCOM.Store, CAdESCOM.CPSigner, CAdESCOM.CadesSignedData with
// SignCades(signer, CADESCOM_CADES_BES, detached = true)). The plug-in makes the same detached
// CAdES-BES signature of the document's exact bytes that an official's own program would, and the
// server checks it the same way (the certificate must be one the official added). The installation
// serves `cadesplugin_api.js` (CRYPTOPRO_PLUGIN_SCRIPT); without it, or without the browser extension,
// the option is not offered. Not exercised on the development machines (no CryptoPro CSP there).

/* eslint-disable @typescript-eslint/no-explicit-any -- the plug-in's objects are untyped COM proxies */
type CadesPlugin = Promise<void> & {
  CreateObjectAsync(name: string): Promise<any>;
  CAPICOM_CURRENT_USER_STORE: number;
  CAPICOM_MY_STORE: string;
  CAPICOM_STORE_OPEN_MAXIMUM_ALLOWED: number;
  CAPICOM_CERTIFICATE_FIND_SHA1_HASH: number;
  CADESCOM_CADES_BES: number;
  CADESCOM_BASE64_TO_BINARY: number;
  getLastError?(e: unknown): string;
};

export type CryptoProCertificate = { thumbprint: string; subject: string; validTo: Date };

function plugin(): CadesPlugin | null {
  const p = (globalThis as { cadesplugin?: CadesPlugin }).cadesplugin;
  return p && typeof p.then === "function" ? p : null;
}

/** Whether the page loaded the plug-in's script (the extension itself answers only when asked). */
export const cryptoProScriptLoaded = () => plugin() !== null;

// The plug-in object is itself a promise (resolved once the extension answers): it is handed on
// wrapped, since an async function returning it would wait for it again and return its value.
async function ready(): Promise<{ p: CadesPlugin }> {
  const p = plugin();
  if (!p) throw new Error("Модуль КриптоПро ЭЦП Browser plug-in не подключен на этой странице");
  try {
    await p;
  } catch {
    throw new Error("КриптоПро ЭЦП Browser plug-in не установлен или не включен в браузере");
  }
  return { p };
}

async function openStore(p: CadesPlugin) {
  const store = await p.CreateObjectAsync("CAdESCOM.Store");
  await store.Open(p.CAPICOM_CURRENT_USER_STORE, p.CAPICOM_MY_STORE, p.CAPICOM_STORE_OPEN_MAXIMUM_ALLOWED);
  return store;
}

/** The certificates with a private key in the user's personal store. */
export async function cryptoProCertificates(): Promise<CryptoProCertificate[]> {
  const { p } = await ready();
  const store = await openStore(p);
  try {
    const certs = await store.Certificates;
    const count: number = await certs.Count;
    const out: CryptoProCertificate[] = [];
    for (let i = 1; i <= count; i++) {
      const cert = await certs.Item(i);
      if (!(await cert.HasPrivateKey())) continue;
      out.push({
        thumbprint: await cert.Thumbprint,
        subject: await cert.SubjectName,
        validTo: new Date(await cert.ValidToDate),
      });
    }
    return out;
  } finally {
    await store.Close();
  }
}

/** A detached CAdES-BES signature (base64 DER) of `contentBase64`'s bytes by the certificate `thumbprint`. */
export async function cryptoProSignDetached(thumbprint: string, contentBase64: string): Promise<string> {
  const { p } = await ready();
  const store = await openStore(p);
  try {
    const found = await (await store.Certificates).Find(p.CAPICOM_CERTIFICATE_FIND_SHA1_HASH, thumbprint);
    if ((await found.Count) === 0) throw new Error("Сертификат не найден в хранилище КриптоПро");
    const signer = await p.CreateObjectAsync("CAdESCOM.CPSigner");
    await signer.propset_Certificate(await found.Item(1));
    await signer.propset_CheckCertificate(true);
    const data = await p.CreateObjectAsync("CAdESCOM.CadesSignedData");
    await data.propset_ContentEncoding(p.CADESCOM_BASE64_TO_BINARY);
    await data.propset_Content(contentBase64);
    const signature: string = await data.SignCades(signer, p.CADESCOM_CADES_BES, true);
    return signature.replace(/\s+/g, "");
  } catch (e) {
    const detail = p.getLastError ? p.getLastError(e) : e instanceof Error ? e.message : String(e);
    throw new Error(`КриптоПро не подписал документ: ${detail}`);
  } finally {
    await store.Close();
  }
}
