import { useEffect, useState } from 'react';

/** Light squares around the symbol, as the QR standard asks (four modules; two read well on a screen). */
const QUIET_ZONE = 2;

/**
 * A QR code drawn as one SVG path on the phone itself: the code never leaves the device as an
 * image, and `qrcode` loads on first use, so it is not part of the app's first load.
 */
export function CheckInQr({ value, size, label }: { value: string; size: number; label: string }) {
  const [symbol, setSymbol] = useState<{ path: string; modules: number } | null>(null);
  useEffect(() => {
    let current = true;
    void import('qrcode').then((qrcode) => {
      const { modules } = qrcode.create(value, { errorCorrectionLevel: 'M' });
      let path = '';
      for (let row = 0; row < modules.size; row += 1)
        for (let col = 0; col < modules.size; col += 1)
          if (modules.get(row, col)) path += `M${col} ${row}h1v1h-1z`;
      if (current) setSymbol({ path, modules: modules.size });
    });
    return () => {
      current = false;
    };
  }, [value]);
  if (!symbol) return <div style={{ width: size, height: size, background: '#f5f5f5' }} />;
  const side = symbol.modules + 2 * QUIET_ZONE;
  return (
    <svg
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      data-testid="check-in-qr"
      data-value={value}
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={symbol.path} fill="#000" />
    </svg>
  );
}
