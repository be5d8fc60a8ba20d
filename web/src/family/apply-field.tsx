import { Form } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';

/*
 * The family form's fields: each shows the API's own rule text under it, once the user has
 * reached it (typed there, or pressed Next or Submit past it).
 */

export type Name = (string | number)[];
const key = (name: Name) =>
  name
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');

/** The current violations and which fields the user has reached, for every field to read. */
export const Rules = createContext<{ shown: (path: string) => string | undefined }>({
  shown: () => undefined,
});

/** One field whose message is the API's rule text, shown once the user has typed there. */
export function Field({
  name,
  label,
  children,
  valuePropName,
}: {
  name: Name;
  label: string;
  children: ReactNode;
  valuePropName?: string;
}) {
  const message = useContext(Rules).shown(key(name));
  return (
    <Form.Item
      name={name}
      label={label}
      valuePropName={valuePropName}
      validateStatus={message ? 'error' : undefined}
      help={message}
    >
      {children}
    </Form.Item>
  );
}

/** The dotted paths of what a change touched: {child: {name}} → child.name. */
export function changedPaths(changed: unknown, prefix = ''): string[] {
  if (changed === null || typeof changed !== 'object') return [prefix];
  return Object.entries(changed).flatMap(([k, v]) => {
    const part = Array.isArray(changed) ? `${prefix}[${k}]` : prefix ? `${prefix}.${k}` : k;
    return v !== null && typeof v === 'object' ? changedPaths(v, part) : [part];
  });
}
