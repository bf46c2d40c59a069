// Every string a server component's element tree holds (text and props), without rendering it:
// client components are not run, so the test sees exactly what the page hands to the browser.
export function pageStrings(node: unknown): string {
  const out: string[] = [];
  const seen = new WeakSet<object>();
  const walk = (value: unknown, depth: number) => {
    if (depth > 200) return;
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'number') out.push(String(value));
    else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
    else if (value && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      // A React element: what it renders with is in its props (the type is code, not data).
      const props = (value as { props?: unknown; $$typeof?: unknown }).$$typeof
        ? (value as { props?: unknown }).props
        : value;
      if (props && typeof props === 'object') {
        for (const item of Object.values(props)) walk(item, depth + 1);
      }
    }
  };
  walk(node, 0);
  return out.join('\n');
}
