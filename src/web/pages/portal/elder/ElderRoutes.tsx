import { MyRequestsPage } from '../MyRequestsPage';
import { NewRequestPage } from '../NewRequestPage';
import { ElderHome } from './ElderHome';
import { ElderNewRequestPage } from './ElderNewRequestPage';
import { ElderSuggestion } from './ElderSuggestion';
import { useElderMode } from './elder-mode';

/** /m: the three big buttons in elder mode, the standard home otherwise; the one-time offer on both. */
export function PortalHome() {
  const { on } = useElderMode();
  return (
    <>
      {on ? <ElderHome /> : <MyRequestsPage />}
      <ElderSuggestion />
    </>
  );
}

/** /m/new: one question per screen in elder mode, the whole form otherwise. */
export function PortalNewRequest() {
  return useElderMode().on ? <ElderNewRequestPage /> : <NewRequestPage />;
}
