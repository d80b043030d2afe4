import type { CSSProperties } from 'react';
import { Select } from 'antd';
import type { UnitKind } from '@tianlang/contracts';
import { useUnitOptions } from '../units/units.api';

interface Props {
  /** Set by Form.Item so the label points at the control. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  /** Only units of these kinds are offered. */
  kinds?: readonly UnitKind[];
  /** The unit currently assigned, so it shows by name even if it is not among the loaded options. */
  current?: { id: string; name: string };
}

export function UnitSelect({ id, value, onChange, placeholder, allowClear, disabled, style, kinds, current }: Props) {
  const { data, isPending } = useUnitOptions();
  const options = (data?.items ?? [])
    .filter((u) => (u.active || u.id === value) && (!kinds || kinds.includes(u.kind)))
    .map((u) => ({ value: u.id, label: u.name }));
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
      disabled={disabled}
      showSearch={{ optionFilterProp: 'label' }}
      style={style}
    />
  );
}
