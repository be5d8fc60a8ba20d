import { Alert, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AdmissionNotice } from '../../../src/domain/admission-notice';
import { api } from '../shared/api';
import { useLang } from '../shared/i18n';
import { ProblemAlert } from '../shared/ui';

type Bilingual = { zh: string; en: string };

/** The round's result as the family's view carries it (src/contract/admission.ts). */
export interface Admission {
  result: 'ADMITTED' | 'ASSIGNED_BY_BUREAU' | 'NOT_ADMITTED';
  schoolName?: string | null;
  explanation: Bilingual;
  notice?: AdmissionNotice | null;
}

/** The place and its confirmation (报到), and an open waitlist offer (src/api/places/dto.ts). */
export interface Place {
  schoolName: string;
  state: 'AWAITING_CONFIRMATION' | 'CONFIRMED' | 'DECLINED' | 'LAPSED';
  deadline: string;
  text: Bilingual;
}
export interface Offer {
  schoolName: string;
  deadline: string;
  text: Bilingual;
}

/** Lines of a bilingual text, one paragraph each (the notice is written a line per item). */
function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line) => (
        <Typography.Paragraph key={line} style={{ margin: 0 }}>
          {line}
        </Typography.Paragraph>
      ))}
    </>
  );
}

/** Two answers to one question, the second (giving something up) asked again before it is sent. */
function Answers({
  applicationNo,
  yes,
  no,
  onDone,
}: {
  applicationNo: string;
  yes: { path: string; label: string };
  no: { path: string; label: string; confirm: string };
  onDone: () => void;
}) {
  const { tr } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function send(path: string) {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/applications/${applicationNo}/${path}`);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={error} />
      <Button type="primary" block loading={busy} onClick={() => void send(yes.path)}>
        {yes.label}
      </Button>
      <Popconfirm
        title={no.confirm}
        okText={tr('确定', 'Yes')}
        cancelText={tr('再想想', 'No')}
        onConfirm={() => void send(no.path)}
      >
        <Button danger block disabled={busy}>
          {no.label}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/**
 * The admission as the family reads it (docs/admission-rounds.md): the result and why, the
 * school's notice, confirming or declining the place by its deadline, and a waitlist offer.
 */
export function PlaceCard({
  applicationNo,
  admission,
  place,
  offer,
  onDone,
}: {
  applicationNo: string;
  admission: Admission | null;
  place: Place | null;
  offer: Offer | null;
  onDone: () => void;
}) {
  const { tr, bi } = useLang();
  if (!admission && !place && !offer) return null;
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('录取结果', 'Admission')}</h3>} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {admission && (
          <Alert
            type={admission.result === 'NOT_ADMITTED' ? 'warning' : 'success'}
            title={bi(admission.explanation)}
          />
        )}
        {admission?.notice && (
          <section aria-label={tr('录取通知', 'Admission notice')} data-testid="admission-notice">
            <Typography.Text strong>{tr('录取通知', 'Admission notice')}</Typography.Text>
            <Lines text={bi(admission.notice.text)} />
          </section>
        )}
        {place && (
          <Alert
            type={place.state === 'CONFIRMED' ? 'success' : 'info'}
            title={bi(place.text)}
            data-testid="place"
            data-place-state={place.state}
          />
        )}
        {place?.state === 'AWAITING_CONFIRMATION' && (
          <Answers
            applicationNo={applicationNo}
            yes={{ path: 'place/confirm', label: tr('确认报到', 'Confirm the place') }}
            no={{
              path: 'place/decline',
              label: tr('放弃学位', 'Decline the place'),
              confirm: tr(
                `放弃${place.schoolName}的学位?放弃后不能撤回。`,
                `Decline the place at ${place.schoolName}? This cannot be undone.`,
              ),
            }}
            onDone={onDone}
          />
        )}
        {offer && (
          <>
            <Alert type="warning" title={bi(offer.text)} data-testid="offer" />
            <Answers
              applicationNo={applicationNo}
              yes={{ path: 'offer/accept', label: tr('接受递补学位', 'Accept the offer') }}
              no={{
                path: 'offer/decline',
                label: tr('放弃递补', 'Decline the offer'),
                confirm: tr(
                  `放弃${offer.schoolName}的递补学位?学位将递补给下一位。`,
                  `Decline the place at ${offer.schoolName}? It goes to the next family.`,
                ),
              }}
              onDone={onDone}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
