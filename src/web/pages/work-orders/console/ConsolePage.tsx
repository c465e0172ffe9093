import { Col, Row } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { CallerPerson, WorkOrder } from '../../../api/work-orders';
import { CallerCard, type IntakeChannel } from './CallerCard';
import { CreatedCard } from './CreatedCard';
import { focusTestId } from './focus';
import { OrderForm } from './OrderForm';
import { recall, remember } from './remembered';
import { ShortcutsCard } from './ShortcutsCard';
import { useConsoleShortcuts } from './shortcuts';

/**
 * /console — the operator console (接听台), built for speed: the caller's number finds them in
 * the register at once, their open orders show beside the form, and Enter moves through it. A
 * whole call can be taken from the keyboard: the keys are listed on the page, and the focus moves
 * to the next step by itself (caller found → category → its first question; accepted → next call).
 */
export function ConsolePage() {
  const [channel, setChannel] = useState<IntakeChannel>(() => recall().channel ?? 'hotline');
  const [hotlineId, setHotlineId] = useState<string | undefined>(() => recall().hotlineId);
  const [phone, setPhone] = useState('');
  const [selected, setSelected] = useState<CallerPerson | null>(null);
  const [created, setCreated] = useState<WorkOrder | null>(null);
  // A new call starts from a fresh caller card and form.
  const [call, setCall] = useState(0);
  const phoneRef = useRef<{ focus: () => void }>(null);
  const categoryRef = useRef<{ focus: () => void }>(null);
  const submitRef = useRef<(() => void) | null>(null);

  const nextCall = () => {
    setCreated(null);
    setPhone('');
    setSelected(null);
    setCall((n) => n + 1);
    // The new caller card focuses its search box as it mounts; this covers a card that stayed.
    requestAnimationFrame(() => phoneRef.current?.focus());
  };
  const toCategory = useCallback(() => categoryRef.current?.focus(), []);

  useConsoleShortcuts({
    jump: (field) => {
      if (field === 1) phoneRef.current?.focus();
      else if (field === 2) categoryRef.current?.focus();
      else if (field === 3) focusTestId(selected ? 'console-place' : 'console-region');
      else if (field === 4) focusTestId('console-description');
      else focusTestId('console-contact-name');
    },
    accept: () => {
      if (!created) submitRef.current?.();
    },
    nextCall,
  });

  return (
    <Row gutter={16} data-testid="console-page">
      <Col xs={24} lg={10}>
        <CallerCard
          key={call}
          channel={channel}
          onChannel={(value) => {
            setChannel(value);
            remember({ channel: value });
          }}
          hotlineId={hotlineId}
          onHotline={(id) => {
            setHotlineId(id);
            remember({ hotlineId: id });
          }}
          phone={phone}
          onPhone={setPhone}
          selected={selected}
          onSelect={(person) => {
            setSelected(person);
            if (person) categoryRef.current?.focus();
          }}
          phoneRef={phoneRef}
          onNext={toCategory}
        />
        <ShortcutsCard />
      </Col>
      <Col xs={24} lg={14}>
        {created ? (
          <CreatedCard order={created} onNext={nextCall} />
        ) : (
          <OrderForm
            key={call}
            channel={channel}
            hotlineId={hotlineId}
            phone={phone}
            selected={selected}
            onClearSelected={() => setSelected(null)}
            onCreated={setCreated}
            categoryRef={categoryRef}
            submitRef={submitRef}
          />
        )}
      </Col>
    </Row>
  );
}
