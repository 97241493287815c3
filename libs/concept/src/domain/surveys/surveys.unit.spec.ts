import type { ServiceConcept } from '../service-concept';
import { surveyRequestFor } from './survey-request';
import { validateSurveyAnswer } from './validate-survey-answer';

const exampleConcept: Pick<ServiceConcept, 'surveys'> = {
  surveys: [
    {
      instrument: 'csat',
      channels: ['video'],
      questions: [
        { id: 'conversation', label: 'Het gesprek', min: 1, max: 10, need: 'personal-contact' },
        { id: 'channel', label: 'Beeldbellen als kanaal', min: 1, max: 10, need: 'own-pace' },
      ],
    },
    {
      instrument: 'nps',
      channels: ['web', 'chatbot', 'phone', 'video'],
      questions: [{ id: 'recommend', label: 'Aanbevelen', min: 0, max: 10 }],
    },
  ],
};

describe('validating a survey answer against the concept', () => {
  it('accepts answers to questions of a survey asked on the channel, within range', () => {
    const answer = { channel: 'video', instrument: 'csat', answers: { conversation: 1, channel: 10 } };
    expect(validateSurveyAnswer(exampleConcept, answer)).toEqual([]);
  });

  it('refuses an instrument the concept has no survey for on that channel', () =>
    expect(validateSurveyAnswer(exampleConcept, { channel: 'web', instrument: 'csat', answers: { conversation: 8 } })).toEqual([
      { path: 'data.instrument', message: 'the csat survey is not asked on web (it is on: video)' },
    ]));

  it('refuses an instrument the concept has no survey of at all', () =>
    expect(validateSurveyAnswer({ surveys: [] }, { channel: 'web', instrument: 'nps', answers: { recommend: 8 } })).toEqual([
      { path: 'data.instrument', message: 'the service concept has no nps survey (surveys: none)' },
    ]));

  it('names every unknown question and every value out of range', () =>
    expect(
      validateSurveyAnswer(exampleConcept, {
        channel: 'video',
        instrument: 'csat',
        answers: { conversation: 11, mood: 5, channel: 0.5, resolved: 'yes' },
      }),
    ).toEqual([
      { path: 'data.answers.conversation', message: '11 is out of range: answers to "conversation" go from 1 to 10' },
      { path: 'data.answers.mood', message: '"mood" is not a question of the csat survey (questions: conversation, channel)' },
      { path: 'data.answers.channel', message: '0.5 is out of range: answers to "channel" go from 1 to 10' },
      { path: 'data.answers.resolved', message: '"resolved" is not a question of the csat survey (questions: conversation, channel)' },
    ]));

  it('refuses a response without answers', () =>
    expect(validateSurveyAnswer(exampleConcept, { channel: 'phone', instrument: 'nps', answers: {} })).toEqual([
      { path: 'data.answers', message: 'must answer at least one question of the nps survey' },
    ]));

  it('refuses a value that is not a number', () =>
    expect(validateSurveyAnswer(exampleConcept, { channel: 'phone', instrument: 'nps', answers: { recommend: Number.NaN } })).toEqual([
      { path: 'data.answers.recommend', message: 'must be a number from 0 to 10' },
    ]));
});

describe('the survey asked after a contact', () => {
  const ended = (channel: string, outcome = 'resolved') => ({ data: { contactId: 'contact-9', channel, outcome } });

  it('asks the first survey set covering the channel, with its questions', () =>
    expect(surveyRequestFor(exampleConcept, ended('video'))).toEqual({
      instrument: 'csat',
      questions: [
        { id: 'conversation', label: 'Het gesprek', min: 1, max: 10 },
        { id: 'channel', label: 'Beeldbellen als kanaal', min: 1, max: 10 },
      ],
      contactId: 'contact-9',
      channel: 'video',
    }));

  it('asks nothing on a channel without a survey set', () => expect(surveyRequestFor(exampleConcept, ended('counter'))).toBeUndefined());

  it.each(['abandoned', 'transferred'] as const)('asks nothing after a contact that was %s', (outcome) =>
    expect(surveyRequestFor(exampleConcept, ended('video', outcome))).toBeUndefined(),
  );
});
