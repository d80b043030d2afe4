import type { CSSProperties } from 'react';
import { Select } from 'antd';
import { useUnitOptions } from '../units/units.api';

interface Props {
  /** Set by Form.Item so the label points at the control. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  /** The unit currently assigned, so it shows by name even if it is not among the loaded options. */
  current?: { id: string; name: string };
}

export function UnitSelect({ id, value, onChange, placeholder, allowClear, style, current }: Props) {
  const { data, isPending } = useUnitOptions();
  const options = (data?.items ?? []).filter((u) => u.active || u.id === value).map((u) => ({ value: u.id, label: u.name }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      loading={isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      style={style}
    />
  );
}
