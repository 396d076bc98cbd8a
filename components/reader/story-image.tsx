'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * A remote image in a box the stylesheet reserves (so nothing shifts while it
 * loads), loaded lazily; if the remote server fails, an empty box of the same
 * size takes its place, so the page does not move either. A failure can
 * happen before React hydrates (and its onError is attached), so the image is
 * also checked once mounted.
 */
export function StoryImage({
  url,
  width,
  height,
  alt = '',
  className,
  eager = false,
}: {
  url: string;
  width: number | null;
  height: number | null;
  alt?: string;
  className?: string;
  eager?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const element = image.current;
    if (element?.complete && element.naturalWidth === 0) setFailed(true);
  }, []);
  if (failed) return <span className={`${className ?? ''} image-failed`.trim()} aria-hidden="true" />;
  return (
    // Remote images from many publishers: Next's optimiser would fetch them server-side.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      ref={image}
      src={url}
      width={width ?? undefined}
      height={height ?? undefined}
      alt={alt}
      className={className}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}
