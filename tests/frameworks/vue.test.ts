// The Vue recipe of docs/frameworks.md: a composable over subscribe(), in a mounted component.
import { describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, nextTick, onMounted, onUnmounted } from 'vue';
import { fireEvent, screen } from '@testing-library/dom';
import * as cg from 'consent-gate';
import { useConsent } from './recipes/vue';
import { decisionJSON, demoConfig, freshPage, setConsentCookie } from '../unit/helpers';

freshPage();

const AnalyticsStatus = defineComponent({
  setup() {
    const consent = useConsent();
    onMounted(() => cg.init(demoConfig()));
    onUnmounted(cg.destroy);
    return () => h('p', null, `Analytics ${consent.value?.categories.analytics ? 'on' : 'off'}`);
  },
});

function mount() {
  const app = createApp(AnalyticsStatus);
  app.mount(document.body.appendChild(document.createElement('div')));
  return app;
}

describe('Vue: useConsent()', () => {
  it('shows the decision and follows it; unmounting unsubscribes and destroys', async () => {
    const app = mount();
    await nextTick();
    screen.getByText('Analytics off');
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    await nextTick();
    screen.getByText('Analytics on');
    cg.reset();
    await nextTick();
    screen.getByText('Analytics off');
    app.unmount();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('starts with the stored decision of a returning visitor', async () => {
    setConsentCookie(decisionJSON());
    const app = mount();
    await nextTick();
    screen.getByText('Analytics on');
    expect(screen.queryByRole('dialog')).toBeNull();
    app.unmount();
  });
});
