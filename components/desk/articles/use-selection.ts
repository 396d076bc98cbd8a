'use client';

import { useState } from 'react';

/** Picked rows, or "everything matching the filter" once the editor asks for it. */
export function useSelection(pageIds: number[], total: number) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);

  const toggle = (id: number) => {
    setAllMatching(false);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const clear = () => {
    setSelected(new Set());
    setAllMatching(false);
  };

  return {
    selected,
    allMatching,
    allOnPage,
    count: allMatching ? total : selected.size,
    isSelected: (id: number) => allMatching || selected.has(id),
    toggle,
    togglePage: () => {
      setAllMatching(false);
      setSelected(allOnPage ? new Set() : new Set(pageIds));
    },
    selectAllMatching: () => setAllMatching(true),
    clear,
  };
}
