import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Modal, Popover, Tag, Timeline, Typography } from 'antd';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { GradeModal, MoveModal, StatusModal } from './EntityActions';
import { EntityFormModal } from './EntityFormModal';
import { useRevealContact, type ContactReveal, type EntityView } from './registry.api';
import { GradeTag, StatusTag, TypeTag } from './RegistryTags';

type Dialog = 'edit' | 'grade' | 'move' | 'status' | null;

/** 分级记录: every grade the entity had, who set it and why. */
function GradeHistory({ entity }: { entity: EntityView }) {
  const t = useT();
  const entries = [...entity.gradeHistory].reverse();
  return (
    <div style={{ maxWidth: 380, maxHeight: 360, overflowY: 'auto', paddingTop: 8 }} data-testid="grade-history">
      <Timeline
        items={entries.map((h, i) => ({
          key: `${h.at}-${i}`,
          content: (
            <Flex vertical gap={2}>
              <span>
                {h.from ? (
                  <>
                    {t(`regGrade.${h.from}`)} → <GradeTag grade={h.grade} />
                  </>
                ) : (
                  <>
                    {t('regGradeChange.initial')} <GradeTag grade={h.grade} />
                  </>
                )}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(h.at)} · {h.actorName ?? t('reg.system')}
              </Typography.Text>
              {h.reason && <Typography.Text className="reg-text">{h.reason}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
    </div>
  );
}

/** 运营主体联系方式: masked; showing it in full is a separate, audited request. */
function Contact({ entity }: { entity: EntityView }) {
  const t = useT();
  const showError = useShowError();
  const reveal = useRevealContact();
  const [contact, setContact] = useState<ContactReveal | null>(null);
  if (!entity.contactMasked) return <Typography.Text type="secondary">{t('reg.noContact')}</Typography.Text>;
  return (
    <span>
      <span className="reg-mono" data-testid="entity-contact-masked">{entity.contactMasked}</span>
      {entity.allowedActions.includes('reveal_contact') && (
        <Button size="small" type="link" loading={reveal.isPending} onClick={() => reveal.mutate(entity.id, { onSuccess: setContact, onError: (e) => showError(e) })} data-testid="entity-reveal">
          {t('reg.reveal')}
        </Button>
      )}
      <Modal open={contact !== null} title={t('reg.contactTitle', { name: entity.name })} footer={null} onCancel={() => setContact(null)} destroyOnHidden>
        {contact && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('reg.contactAudited')} />
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'person', label: t('reg.contactPerson'), children: contact.person ?? '—' },
                { key: 'phone', label: t('reg.contactPhone'), children: contact.phone ?? '—' },
                { key: 'email', label: t('reg.contactEmail'), children: contact.email ?? '—' },
              ]}
            />
          </>
        )}
      </Modal>
    </span>
  );
}

/** Name, grade and status at a glance, the audited actions open to this user, and the entity's particulars. */
export function EntityHeader({ entity: e }: { entity: EntityView }) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = (a: EntityView['allowedActions'][number]) => e.allowedActions.includes(a);
  const dash = (v: string | null) => v ?? '—';
  const ids: { key: string; label: string; children: ReactNode }[] = [];
  if (e.url) ids.push({ key: 'url', label: t('reg.url'), children: <Typography.Text className="reg-mono" copyable>{e.url}</Typography.Text> });
  if (e.icpNo) ids.push({ key: 'icp', label: t('reg.icpNo'), children: <Typography.Text className="reg-mono" copyable>{e.icpNo}</Typography.Text> });
  if (e.appId) ids.push({ key: 'app', label: t('reg.appId'), children: <span className="reg-mono">{e.appId}</span> });
  if (e.accountId) ids.push({ key: 'account', label: t('reg.accountId'), children: <span className="reg-mono">{e.platformName ? `${e.platformName} · ${e.accountId}` : e.accountId}</span> });
  if (e.location) ids.push({ key: 'location', label: t('reg.location'), children: e.location });

  return (
    <Card style={{ marginBottom: 16 }} data-testid="entity-header">
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <Flex vertical gap={6}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="entity-name-title">
              {e.name}
            </Typography.Title>
            <TypeTag type={e.type} />
            <GradeTag grade={e.grade} testId="entity-grade" />
            <StatusTag status={e.status} />
          </Flex>
          <Flex align="center" gap={8} wrap>
            <Typography.Text type="secondary">{t('reg.gradeReason')}</Typography.Text>
            <Typography.Text>{dash(e.gradeReason)}</Typography.Text>
            <Popover title={t('regGradeChange.history')} content={<GradeHistory entity={e} />} trigger="click" placement="bottomLeft">
              <Button size="small" type="link" data-testid="grade-history-open">
                {t('regGradeChange.historyCount', { count: e.gradeHistory.length })}
              </Button>
            </Popover>
          </Flex>
        </Flex>
        <Flex gap={8} wrap>
          {can('edit') && <Button onClick={() => setDialog('edit')} data-testid="entity-edit">{t('common.edit')}</Button>}
          {can('grade') && <Button type="primary" onClick={() => setDialog('grade')} data-testid="entity-grade-change">{t('regGradeChange.button')}</Button>}
          {can('move') && <Button onClick={() => setDialog('move')} data-testid="entity-move">{t('regMove.button')}</Button>}
          {can('close') && <Button danger onClick={() => setDialog('status')} data-testid="entity-close">{t('regStatusChange.close')}</Button>}
          {can('reopen') && <Button onClick={() => setDialog('status')} data-testid="entity-reopen">{t('regStatusChange.reopen')}</Button>}
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        style={{ marginTop: 16 }}
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          ...ids,
          { key: 'operator', label: t('reg.operator'), children: dash(e.operatorName) },
          { key: 'contact', label: t('reg.contact'), children: <Contact entity={e} /> },
          { key: 'jurisdiction', label: t('reg.jurisdiction'), children: e.jurisdictionName },
          { key: 'officer', label: t('reg.officer'), children: e.officerName ?? t('reg.noOfficer') },
          {
            key: 'tags',
            label: t('reg.tags'),
            children: e.tags.length ? e.tags.map((tag) => <Tag key={tag} bordered={false}>{tag}</Tag>) : '—',
          },
          {
            key: 'filings',
            label: t('reg.filings'),
            children: e.filings.length
              ? e.filings.map((f, i) => (
                  <div key={i}>
                    {t(`regFiling.${f.kind}`)}：<span className="reg-mono">{f.number}</span>
                    {f.filedOn && <Typography.Text type="secondary">（{f.filedOn}）</Typography.Text>}
                  </div>
                ))
              : '—',
          },
          { key: 'created', label: t('reg.createdAt'), children: formatDateTime(e.createdAt) },
          { key: 'updated', label: t('reg.updatedAt'), children: formatDateTime(e.updatedAt) },
          ...(e.note ? [{ key: 'note', label: t('reg.note'), children: <span className="reg-text">{e.note}</span> }] : []),
        ]}
      />
      {dialog === 'edit' && <EntityFormModal entity={e} onClose={() => setDialog(null)} />}
      {dialog === 'grade' && <GradeModal entity={e} onClose={() => setDialog(null)} />}
      {dialog === 'move' && <MoveModal entity={e} onClose={() => setDialog(null)} />}
      {dialog === 'status' && <StatusModal entity={e} onClose={() => setDialog(null)} />}
    </Card>
  );
}
