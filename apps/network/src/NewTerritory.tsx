// /network/territories/new: a new territory inside one of the user's, made from administrative
// units, drawn on the map, or imported from a GeoJSON/KML file. Files and drawings are checked by
// the server first (territory.check): the user sees the geometry, or a specific reason in their
// language, and confirms a repaired or simplified version before anything is stored.
import { useMutation, useQuery, useTRPC } from '@caremap/api-client';
import { type AreaCollection, bboxOf, DrawMap, type DrawnPolygon, ServiceMap } from '@caremap/map';
import {
  apiErrorCode,
  apiErrorExtra,
  Button,
  currentLanguage,
  ErrorState,
  formatApiError,
  formatNumber,
  Link,
  Loading,
  navigate,
  PageHeading,
  QueryState,
  useMapLabels,
} from '@caremap/ui';
import { type KeyboardEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { parseCorners } from './corners';
import { kindLabelKey } from './kinds';
import { type TreeItem, territoryHref } from './TerritoryTree';
import { type Translate, useT } from './translate';

type Tab = 'units' | 'draw' | 'file';
const TABS: Tab[] = ['units', 'draw', 'file'];
type Accept = 'repaired' | 'simplified';
type Geometry = { type: 'MultiPolygon' | 'Polygon'; coordinates: unknown };

interface GeometryProblem {
  problem: string;
  found?: string;
  vertices?: number;
  limit?: number;
  accept?: Accept;
  preview?: Geometry;
}

export function geometryProblemOf(error: unknown): GeometryProblem | undefined {
  if (apiErrorCode(error) !== 'invalid_geometry') return undefined;
  const extra = apiErrorExtra(error) as GeometryProblem | undefined;
  return extra && typeof extra.problem === 'string' ? extra : undefined;
}

/** The translated, specific reason a file or drawing was refused. */
export function problemMessage(error: unknown, t: Translate): string {
  const problem = geometryProblemOf(error);
  if (!problem) return formatApiError(error, t as never);
  const language = currentLanguage();
  const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
  return translate(`territories.problem.${problem.problem}`, {
    found: problem.found ?? '',
    vertices: formatNumber(problem.vertices ?? 0, language),
    limit: formatNumber(problem.limit ?? 0, language),
    defaultValue: translate('territories.problem.invalid_geometry', { found: problem.found ?? '' }),
  });
}

const toAreas = (geometry: Geometry | undefined, name = ''): AreaCollection => ({
  type: 'FeatureCollection',
  features: geometry
    ? [
        {
          type: 'Feature',
          id: 'preview',
          geometry: geometry as never,
          properties: { name, approximate: false },
        },
      ]
    : [],
});

export function NewTerritory() {
  const { t } = useT();
  const trpc = useTRPC();
  const tree = useQuery(trpc.territory.tree.queryOptions());
  return (
    <div className="net terr-page">
      <nav className="terr-crumbs" aria-label={t('territories.breadcrumbs')}>
        <ol>
          <li>
            <Link href="/network">{t('territories.backToNetwork')}</Link>
          </li>
        </ol>
      </nav>
      <PageHeading title={t('territories.newTitle')}>
        <p>{t('territories.newIntro')}</p>
      </PageHeading>
      <QueryState query={tree} failed={t('territories.treeFailed')}>
        {(data) => {
          const inScope = data.items.filter((i) => i.inScope);
          return inScope.length === 0 ? (
            <ErrorState title={t('network.emptyTitle')} message={t('network.emptyBody')} />
          ) : (
            <NewTerritoryForm items={inScope} />
          );
        }}
      </QueryState>
    </div>
  );
}

function NewTerritoryForm({ items }: { items: TreeItem[] }) {
  const { t } = useT();
  const trpc = useTRPC();
  const ids = useId();
  const initialParent = new URLSearchParams(window.location.search).get('parent');
  const [parentId, setParentId] = useState(
    // Else the user's first administrative territory (an ORP, a county), not one they drew.
    items.find((i) => i.id === initialParent)?.id ??
      items.find((i) => i.assigned && i.kind !== 'custom')?.id ??
      items[0]!.id,
  );
  const [name, setName] = useState('');
  const [tab, setTab] = useState<Tab>('file');
  const [units, setUnits] = useState<string[]>([]);
  const [drawn, setDrawn] = useState<DrawnPolygon | null>(null);
  const [clearKey, setClearKey] = useState(0);
  const [file, setFile] = useState<{ name: string; format: 'geojson' | 'kml'; content: string } | null>(null);
  const [accept, setAccept] = useState<Accept | undefined>(undefined);
  const [nameError, setNameError] = useState<string | null>(null);
  const check = useMutation(trpc.territory.check.mutationOptions());
  const create = useMutation(
    trpc.territory.create.mutationOptions({ onSuccess: (r) => navigate(territoryHref(r.id)) }),
  );
  const parent = items.find((i) => i.id === parentId)!;
  const parentAreas = useMemo(() => toAreas(parent.geometry, parent.name), [parent]);
  // A polygon typed as corner points (the keyboard way) is drawn over the parent, so it can be seen.
  const [typed, setTyped] = useState<DrawnPolygon | null>(null);
  const typedRef = useRef(false);
  const drawAreas = useMemo(
    () =>
      typed
        ? { ...parentAreas, features: [...parentAreas.features, ...toAreas(typed, name).features] }
        : parentAreas,
    [parentAreas, typed, name],
  );
  const parentBounds = useMemo(() => bboxOf(parentAreas.features), [parentAreas]);
  const drawLabels = {
    ...useMapLabels(t('territories.drawMapLabel')),
    keyboardHint: t('territories.drawHint'),
  };
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(tab);
    let next: Tab | undefined;
    if (event.key === 'ArrowRight') next = TABS[(index + 1) % TABS.length];
    if (event.key === 'ArrowLeft') next = TABS[(index + TABS.length - 1) % TABS.length];
    if (event.key === 'Home') next = TABS[0];
    if (event.key === 'End') next = TABS.at(-1);
    if (next) {
      event.preventDefault();
      setTab(next);
      tabRefs.current.get(next)?.focus();
    }
  };

  const runCheck = (f: NonNullable<typeof file>, confirmed?: Accept) => {
    setAccept(confirmed);
    check.mutate({ type: 'file', file: { format: f.format, content: f.content }, accept: confirmed });
  };
  const readFile = async (picked: File | undefined) => {
    if (!picked) return;
    const content = await picked.text();
    const f = {
      name: picked.name,
      format: /\.kml$/i.test(picked.name) ? ('kml' as const) : ('geojson' as const),
      content,
    };
    setFile(f);
    runCheck(f);
  };

  const submit = () => {
    if (name.trim().length < 2) {
      setNameError(t('territories.nameTooShort'));
      document.getElementById(`${ids}-name`)?.focus();
      return;
    }
    setNameError(null);
    const source =
      tab === 'units'
        ? { type: 'units' as const, territoryIds: units }
        : tab === 'draw'
          ? { type: 'drawn' as const, geometry: drawn }
          : { type: 'file' as const, file: { format: file!.format, content: file!.content }, accept };
    create.mutate({ name: name.trim(), parentId, source });
  };
  const ready =
    tab === 'units' ? units.length > 0 : tab === 'draw' ? drawn !== null : file !== null && check.isSuccess;
  const problem = check.isError ? geometryProblemOf(check.error) : undefined;

  return (
    <form
      className="terr-form terr-card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="terr-field">
        <label htmlFor={`${ids}-name`}>{t('territories.name')}</label>
        <input
          id={`${ids}-name`}
          type="text"
          value={name}
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${ids}-name-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {nameError ? (
          <p id={`${ids}-name-error`} className="terr-error">
            {nameError}
          </p>
        ) : null}
      </div>
      <div className="terr-field">
        <label htmlFor={`${ids}-parent`}>{t('territories.parent')}</label>
        <select id={`${ids}-parent`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} ({t(kindLabelKey[i.kind])})
            </option>
          ))}
        </select>
      </div>
      <div role="tablist" aria-label={t('territories.howLabel')} className="terr-tabs">
        {TABS.map((key) => (
          <button
            key={key}
            ref={(el) => {
              if (el) tabRefs.current.set(key, el);
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`${ids}-panel-${key}`}
            tabIndex={tab === key ? 0 : -1}
            className="terr-tab"
            onClick={() => setTab(key)}
            onKeyDown={onTabKey}
          >
            {t(`territories.tab.${key}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${ids}-panel-${tab}`}
        aria-labelledby={`${ids}-tab-${tab}`}
        className="terr-panel"
      >
        {tab === 'units' ? (
          <fieldset className="terr-units">
            <legend>{t('territories.unitsLegend')}</legend>
            {items
              .filter((i) => i.kind !== 'custom')
              .map((i) => (
                <label key={i.id}>
                  <input
                    type="checkbox"
                    checked={units.includes(i.id)}
                    onChange={(e) =>
                      setUnits((prev) =>
                        e.target.checked ? [...prev, i.id] : prev.filter((x) => x !== i.id),
                      )
                    }
                  />{' '}
                  {i.name} ({t(kindLabelKey[i.kind])})
                </label>
              ))}
          </fieldset>
        ) : tab === 'draw' ? (
          <>
            <p>{t('territories.drawHint')}</p>
            <DrawMap
              className="terr-map terr-draw"
              labels={drawLabels}
              areas={drawAreas}
              fitBounds={parentBounds}
              onChange={(polygon) => {
                // The map clearing itself for typed corners must not wipe them; a new drawing replaces them.
                if (!polygon && typedRef.current) return;
                typedRef.current = false;
                setTyped(null);
                setDrawn(polygon);
              }}
              clearKey={clearKey}
            />
            <p className="terr-row" aria-live="polite">
              <span>
                {drawn
                  ? t('territories.drawnVertices', { count: drawn.coordinates[0]!.length - 1 })
                  : t('territories.drawNothing')}
              </span>
              <Button
                variant="secondary"
                disabled={!drawn}
                onClick={() => {
                  typedRef.current = false;
                  setClearKey((k) => k + 1);
                  setTyped(null);
                  setDrawn(null);
                }}
              >
                {t('territories.drawClear')}
              </Button>
            </p>
            <TypedCorners
              onPolygon={(polygon) => {
                typedRef.current = true;
                setClearKey((k) => k + 1);
                setTyped(polygon);
                setDrawn(polygon);
              }}
            />
          </>
        ) : (
          <FilePanel fileName={file?.name} onFile={(f) => void readFile(f)} checking={check.isPending}>
            {check.isSuccess ? (
              <>
                <p className="terr-ok" role="status">
                  {accept
                    ? t(`territories.accepted.${accept}`, {
                        vertices: formatNumber(check.data.vertices, currentLanguage()),
                      })
                    : t('territories.fileOk', {
                        vertices: formatNumber(check.data.vertices, currentLanguage()),
                        area: formatNumber(Math.round(check.data.areaKm2), currentLanguage()),
                      })}
                </p>
                <Preview geometry={check.data.geometry} />
              </>
            ) : check.isError ? (
              <>
                <p className="terr-error" role="alert" data-problem={problem?.problem}>
                  {problemMessage(check.error, t)}
                </p>
                {problem?.accept && problem.preview && file ? (
                  <>
                    <p>{t(`territories.offer.${problem.accept}`)}</p>
                    <Preview geometry={problem.preview} />
                    <p>
                      <Button variant="secondary" onClick={() => runCheck(file, problem.accept)}>
                        {t(`territories.confirm.${problem.accept}`)}
                      </Button>
                    </p>
                  </>
                ) : null}
              </>
            ) : null}
          </FilePanel>
        )}
      </div>
      {create.isError ? (
        <p role="alert" className="terr-error">
          {problemMessage(create.error, t)}
        </p>
      ) : null}
      <p>
        <Button type="submit" disabled={!ready || create.isPending}>
          {create.isPending ? t('territories.creating') : t('territories.create')}
        </Button>
      </p>
    </form>
  );
}

function Preview({ geometry }: { geometry: Geometry }) {
  const { t } = useT();
  const labels = useMapLabels(t('territories.previewMapLabel'));
  const areas = useMemo(() => toAreas(geometry), [geometry]);
  const bounds = useMemo(() => bboxOf(areas.features), [areas]);
  return <ServiceMap className="terr-map" labels={labels} areas={areas} fitBounds={bounds} />;
}

function FilePanel(props: {
  fileName: string | undefined;
  onFile: (file: File | undefined) => void;
  checking: boolean;
  children: ReactNode;
}) {
  const { t } = useT();
  const inputId = useId();
  const [over, setOver] = useState(false);
  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for mouse users; the file input inside it is the keyboard way */}
      <div
        className={over ? 'terr-drop terr-drop--over' : 'terr-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          props.onFile(e.dataTransfer.files[0]);
        }}
      >
        <label htmlFor={inputId}>{t('territories.fileLabel')}</label>
        <input
          id={inputId}
          type="file"
          accept=".geojson,.json,.kml,application/geo+json,application/vnd.google-earth.kml+xml"
          onChange={(e) => props.onFile(e.target.files?.[0])}
        />
        <p className="net-hint">{t('territories.fileHint')}</p>
        {props.fileName ? <p>{t('territories.fileChosen', { name: props.fileName })}</p> : null}
      </div>
      {props.checking ? <Loading /> : props.children}
    </>
  );
}

/** Drawing without a mouse: the corner points typed or pasted, one "latitude, longitude" per line. */
function TypedCorners({ onPolygon }: { onPolygon: (polygon: DrawnPolygon) => void }) {
  const { t } = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const use = () => {
    const result = parseCorners(text);
    if (result.ok) {
      setError(null);
      onPolygon(result.polygon);
      return;
    }
    setError(t(`territories.corners.${result.problem}`, { line: result.line ?? 0 }));
    document.getElementById(`${id}-corners`)?.focus();
  };
  return (
    <details className="terr-corners">
      <summary>{t('territories.corners.summary')}</summary>
      <div className="terr-field">
        <label htmlFor={`${id}-corners`}>{t('territories.corners.label')}</label>
        <p className="net-hint" id={`${id}-corners-help`}>
          {t('territories.corners.help')}
        </p>
        <textarea
          id={`${id}-corners`}
          rows={6}
          value={text}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-corners-help${error ? ` ${id}-corners-error` : ''}`}
          onChange={(e) => setText(e.target.value)}
        />
        {error ? (
          <p className="terr-error" id={`${id}-corners-error`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <Button variant="secondary" onClick={use}>
        {t('territories.corners.use')}
      </Button>
    </details>
  );
}
