import { Col, Row } from 'antd';
import { useRef, useState } from 'react';
import type { CallerPerson, WorkOrder } from '../../../api/work-orders';
import { CallerCard, type IntakeChannel } from './CallerCard';
import { CreatedCard } from './CreatedCard';
import { OrderForm } from './OrderForm';
import { recall, remember } from './remembered';

/**
 * /console — the operator console (接听台), built for speed: the caller's number finds them in
 * the register at once, their open orders show beside the form, and Enter moves through it.
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

  const nextCall = () => {
    setCreated(null);
    setPhone('');
    setSelected(null);
    setCall((n) => n + 1);
  };

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
        />
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
          />
        )}
      </Col>
    </Row>
  );
}
