/**
 * Reads the ground's QR code with the camera: the browser's BarcodeDetector where it exists
 * (Chrome on Android), jsQR otherwise (iOS Safari, Firefox), loaded only when first needed from
 * its own asset. The QR holds a link to this page ending in `#kode=NNNNNN`; six digits alone
 * count too.
 */

/** The six digits a scanned text carries, or null. */
export function codeIn(text: string): string | null {
  const t = text.trim();
  const m = /(?:^|[#&?])kode=(\d{6})(?:$|&)/.exec(t) ?? /^(\d{6})$/.exec(t);
  return m ? (m[1] as string) : null;
}

type Detect = (video: HTMLVideoElement) => Promise<string | null>;

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}

async function detector(decoderUrl: string): Promise<Detect> {
  const BD = (window as unknown as { BarcodeDetector?: new (o: unknown) => BarcodeDetectorLike })
    .BarcodeDetector;
  if (BD) {
    const d = new BD({ formats: ['qr_code'] });
    return async (video) => (await d.detect(video))[0]?.rawValue ?? null;
  }
  const jsQR = ((await import(/* @vite-ignore */ decoderUrl)) as { default: JsQr }).default;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!ctx || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    ctx.drawImage(video, 0, 0);
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

type JsQr = (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  o?: { inversionAttempts?: string },
) => { data: string } | null;

/** Scan until a ground code is read or `stop()` is called; resolves with the code or null. */
export function scanCode(video: HTMLVideoElement, decoderUrl: string) {
  let stopped = false;
  let stream: MediaStream | null = null;
  const stop = () => {
    stopped = true;
    for (const t of stream?.getTracks() ?? []) t.stop();
    video.srcObject = null;
  };
  const found = (async (): Promise<string | null> => {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
      audio: false,
    });
    if (stopped) {
      stop();
      return null;
    }
    video.srcObject = stream;
    video.setAttribute('playsinline', '');
    await video.play();
    const detect = await detector(decoderUrl);
    while (!stopped) {
      const text = await detect(video).catch(() => null);
      const code = text ? codeIn(text) : null;
      if (code) {
        stop();
        return code;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return null;
  })();
  return { found, stop };
}
