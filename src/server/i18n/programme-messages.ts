/**
 * The livelihood programmes' messages (issue 18: the job service, start-up loans, training,
 * assistance pairings and collectives), merged into `messages` as one set so that messages.ts
 * stays one import and one spread per area.
 */
import { bulletinMessages } from './bulletin-messages.js';
import { cobuildingMessages } from './cobuilding-messages.js';
import { fundsMessages } from './funds-messages.js';
import { jobsMessages, jobsValueLabels } from './jobs-messages.js';
import { loanMessages, loanValueLabels } from './loan-messages.js';
import { meetingMessages } from './meeting-messages.js';
import { pairingMessages } from './pairing-messages.js';
import { pointsMessages } from './points-messages.js';
import { relocationMessages, relocationValueLabels } from './relocation-messages.js';
import { reviewMessages } from './review-messages.js';
import { surveyMessages } from './survey-messages.js';
import { trainingMessages, trainingValueLabels } from './training-messages.js';
import { worklogMessages } from './worklog-messages.js';

// Dues and the fund ledger (issue 14) ride along here too, so messages.ts stays under its size limit.
export const programmeMessages = {
  ...jobsMessages,
  ...loanMessages,
  ...trainingMessages,
  ...fundsMessages,
  ...pairingMessages,
  ...relocationMessages,
  ...meetingMessages,
  ...surveyMessages,
  ...reviewMessages,
  ...pointsMessages,
  ...bulletinMessages,
  ...worklogMessages,
  ...cobuildingMessages,
} as const;
export const programmeValueLabels = {
  ...jobsValueLabels,
  ...loanValueLabels,
  ...trainingValueLabels,
  ...relocationValueLabels,
};
