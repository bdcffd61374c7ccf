import { token } from '@atlaskit/tokens';
import type { ReactElement } from 'react';
import { CYCLE_COLOUR, CYCLE_DASH, LATE_DASH, STATUS_COLOUR, STATUS_LABEL } from './styles';
import type { MapEdgeStatus } from './types';

function Swatch({ colour, dash, width = 2 }: { colour: string; dash?: string; width?: number }): ReactElement {
  return (
    <svg width="28" height="8" aria-hidden="true" style={{ flex: 'none' }}>
      <line x1="0" y1="4" x2="28" y2="4" stroke={colour} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

function Row({ children, label }: { children: ReactElement; label: string }): ReactElement {
  return (
    <li style={{ display: 'flex', alignItems: 'center', gap: token('space.075') }}>
      {children}
      <span>{label}</span>
    </li>
  );
}

/** What the colours and line styles mean; the arrows run from the provider to the dependent. */
export function Legend(): ReactElement {
  return (
    <div
      data-testid="dependency-map-legend"
      style={{
        padding: token('space.100'),
        borderRadius: token('radius.small'),
        background: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        color: token('color.text'),
        font: token('font.body.small'),
      }}
    >
      <ul aria-label="Legend" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: token('space.025') }}>
        {(Object.keys(STATUS_COLOUR) as MapEdgeStatus[]).map((status) => (
          <Row key={status} label={STATUS_LABEL[status]}>
            <Swatch colour={STATUS_COLOUR[status]} />
          </Row>
        ))}
        <Row label="Late (dashed)">
          <Swatch colour={token('color.icon')} dash={LATE_DASH} />
        </Row>
        <Row label="On a cycle (dotted)">
          <Swatch colour={CYCLE_COLOUR} dash={CYCLE_DASH} width={3} />
        </Row>
      </ul>
      <div style={{ marginTop: token('space.050'), color: token('color.text.subtle') }}>Arrows: provider → dependent</div>
    </div>
  );
}
