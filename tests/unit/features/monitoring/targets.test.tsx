// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { MonitoringPage } from '../../../../src/features/monitoring/MonitoringPage';
import { getDb } from '../../../../src/storage/db';
import { getSchool, saveSchool } from '../../../../src/storage/repositories';
import { useToasts } from '../../../../src/ui/toastStore';

afterEach(async () => {
  cleanup();
  await Promise.all(getDb().tables.map((t) => t.clear()));
});

describe('«Цели показателей» on «Мониторинг»', () => {
  it('a target out of 0–100 is shown under its field and not saved; a good one is saved into the school and says so', async () => {
    await saveSchool({ name: 'Школа № 2', academicYear: '2025/2026', studentsTotal: 420, teachersTotal: 38, consentAge: 14, directorName: '', curatorName: '' });
    render(
      <MemoryRouter>
        <MonitoringPage />
      </MemoryRouter>,
    );
    const input = (await screen.findByLabelText(/согласи/i, { selector: 'input[id^="target-"]' })) as HTMLInputElement;
    const save = screen.getByRole('button', { name: 'Сохранить цели' });

    fireEvent.change(input, { target: { value: '150' } });
    fireEvent.click(save);
    expect(await screen.findByText('Цель: число от 0 до 100')).toBeTruthy();
    expect((await getSchool())!.indicatorTargets).toBeUndefined();

    fireEvent.change(input, { target: { value: '95,5' } });
    fireEvent.click(save);
    await waitFor(() => expect(useToasts.getState().current?.text).toBe('Цели сохранены'));
    expect(screen.queryByText('Цель: число от 0 до 100')).toBeNull();
    expect((await getSchool())!.indicatorTargets?.[input.id.replace('target-', '')]).toBeCloseTo(0.955);
  });
});
