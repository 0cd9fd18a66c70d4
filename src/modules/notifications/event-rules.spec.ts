import { TOPICS } from '@app/kernel/topics';

import { EVENT_RULES, SILENT_TOPICS } from './event-rules';

describe('the domain event catalogue', () => {
  it('gives every topic either a notification rule or a stated reason to notify nobody, never both', () => {
    const neither = TOPICS.filter((topic) => !(topic in EVENT_RULES) && !(topic in SILENT_TOPICS));
    const both = TOPICS.filter((topic) => topic in EVENT_RULES && topic in SILENT_TOPICS);
    expect({ neither, both }).toEqual({ neither: [], both: [] });
  });

  it('states a reason for each silent topic', () => {
    for (const [topic, reason] of Object.entries(SILENT_TOPICS))
      expect([topic, reason!.length > 20]).toEqual([topic, true]);
  });

  it('has no rule or silence for a topic the catalogue does not know', () => {
    const known = new Set<string>(TOPICS);
    expect([...Object.keys(EVENT_RULES), ...Object.keys(SILENT_TOPICS)].filter((topic) => !known.has(topic))).toEqual(
      [],
    );
  });
});
