import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The address bar's query as it is now. React Router writes the address at once but renders the
 * new params in a transition, so a render (and the params its callbacks hold) can lag behind by
 * an update or two. Code that changes one filter starts from these, not from a render's params:
 * clicking "Pending" and then typing in the search box keeps both. And a field that follows the
 * URL takes a rendered value only when it is still the address's, so a late render of an earlier
 * keystroke does not overwrite what was typed since.
 */
export function currentUrlParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/** Whether `value` is what the address says for `name` now (a render that is not late). */
export function isCurrentUrlParam(name: string, value: string): boolean {
  return (currentUrlParams().get(name) ?? '') === value;
}

/**
 * A text field kept in the URL (`?name=...`, replaced, not pushed): the field keeps its own text,
 * so keys typed faster than the router renders are never lost; the URL follows it, and a
 * navigation from elsewhere (a link, Back, a bookmark) sets it.
 */
export function useUrlText(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(name) ?? '';
  const [text, setText] = useState(fromUrl);
  const written = useRef(fromUrl);
  useEffect(() => {
    if (fromUrl !== written.current && isCurrentUrlParam(name, fromUrl)) {
      written.current = fromUrl;
      setText(fromUrl);
    }
  }, [name, fromUrl]);
  const change = (value: string) => {
    setText(value);
    written.current = value;
    setParams(
      () => {
        const next = currentUrlParams();
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  };
  return [text, change];
}
