import { Tag } from 'antd';
import type { UnitKind } from '@tianlang/contracts';
import { useT } from '../i18n';

const colors: Record<UnitKind, string> = {
  office: 'blue',
  department: 'green',
  platform: 'orange',
  alliance: 'purple',
  superior_office: 'red',
};

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const t = useT();
  return <Tag color={colors[kind]}>{t(`unitKind.${kind}`)}</Tag>;
}
