/**
 * The livelihood programmes' messages (issue 18: the job service, start-up loans), merged into
 * `messages` as one set so that messages.ts stays one import and one spread per area.
 */
import { jobsMessages, jobsValueLabels } from './jobs-messages.js';
import { loanMessages, loanValueLabels } from './loan-messages.js';
import { trainingMessages, trainingValueLabels } from './training-messages.js';

export const programmeMessages = { ...jobsMessages, ...loanMessages, ...trainingMessages } as const;
export const programmeValueLabels = { ...jobsValueLabels, ...loanValueLabels, ...trainingValueLabels };
