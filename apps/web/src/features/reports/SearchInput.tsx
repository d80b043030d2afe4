import { useEffect, useState, type CSSProperties } from 'react';
import { Input } from 'antd';

interface Props {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder: string;
  style?: CSSProperties;
  testId?: string;
}

/** A text filter applied on Enter (or when cleared), and reset when a saved view sets the filter. */
export function SearchInput({ value, onSearch, placeholder, style, testId }: Props) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim() || undefined)}
      placeholder={placeholder}
      allowClear
      style={style}
      data-testid={testId}
    />
  );
}
