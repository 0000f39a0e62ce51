// The QR decoder as an asset of its own (jsqr.js), imported by scan.ts only where the browser
// has no BarcodeDetector: most phones never download it.
export { default } from 'jsqr';
