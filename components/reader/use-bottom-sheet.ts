'use client';
// Bottom sheet (narrow screens): the open sentence's panel is a sheet over the lower part of the
// text, and swiping its handle down closes it. The handle's pointer handlers.
import { useRef, type PointerEvent as ReactPointerEvent } from 'react';

/** How far down (CSS pixels) the handle must be dragged to close the sheet. */
const CLOSE_DISTANCE = 48;

export interface BottomSheetOptions {
  onClose: () => void;
}

export function useBottomSheet({ onClose }: BottomSheetOptions) {
  const sheetDragRef = useRef<number | null>(null);
  return {
    handle: {
      onPointerDown(event: ReactPointerEvent<HTMLDivElement>) {
        sheetDragRef.current = event.clientY;
        event.currentTarget.setPointerCapture(event.pointerId);
      },
      onPointerUp(event: ReactPointerEvent<HTMLDivElement>) {
        const from = sheetDragRef.current;
        sheetDragRef.current = null;
        if (from !== null && event.clientY - from > CLOSE_DISTANCE) onClose();
      },
      onPointerCancel() {
        sheetDragRef.current = null;
      },
    },
  };
}
