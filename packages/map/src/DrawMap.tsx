// A map to draw one polygon on (terra-draw with its MapLibre adapter): click to add vertices, click
// the first one (or double-click) to close it, then drag vertices or midpoints to edit. The parent
// territory is shown for orientation. The polygon leaves through `onChange` as GeoJSON; the server
// checks it like an imported file.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useId, useRef, useState } from 'react';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { createBaseMap, type ServiceMapLabels } from './basemap';
import { type AreaCollection, type Bbox, defaultBounds } from './geometry';
import { AREA_SOURCE, addAreaLayers } from './layers';

export interface DrawnPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

export interface DrawMapProps {
  labels: ServiceMapLabels;
  /** Shown under the drawing (the parent territory). */
  areas?: AreaCollection;
  fitBounds?: Bbox;
  /** The finished polygon after every change, or null when cleared. */
  onChange: (polygon: DrawnPolygon | null) => void;
  /** Increment to clear the drawing and start again. */
  clearKey?: number;
  /** Draw the offline basemap from this folder; unset: the configured style (CAREMAP_BASEMAP_STYLE_URL), else /basemap. */
  basemapUrl?: string;
  className?: string;
}

const DRAW_COLOR = '#8a3ffc';

export function DrawMap(props: DrawMapProps) {
  const { labels, areas, fitBounds, basemapUrl, className, clearKey } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const drawRef = useRef<TerraDraw | null>(null);
  const [ready, setReady] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const [vertexCount, setVertexCount] = useState(0);
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;
  const initialBounds = useRef(fitBounds ?? defaultBounds);
  const hintId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: labels and URL are read once at creation
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createBaseMap({
      container,
      labels,
      bounds: initialBounds.current,
      hintId,
      basemapUrl,
      options: { doubleClickZoom: false },
    });
    if (!map) {
      setUnavailable(true);
      return;
    }
    let draw: TerraDraw | null = null;
    const emit = () => {
      const polygon = draw?.getSnapshot().find((f) => f.geometry.type === 'Polygon');
      const ring = polygon ? (polygon.geometry.coordinates as number[][][])[0] : undefined;
      setVertexCount(ring ? ring.length - 1 : 0);
      onChangeRef.current(
        polygon ? { type: 'Polygon', coordinates: polygon.geometry.coordinates as number[][][] } : null,
      );
    };
    map.on('load', () => {
      addAreaLayers(map);
      draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map }),
        modes: [
          new TerraDrawPolygonMode({
            styles: { fillColor: DRAW_COLOR, outlineColor: DRAW_COLOR, closingPointColor: DRAW_COLOR },
          }),
          new TerraDrawSelectMode({
            flags: {
              polygon: {
                feature: {
                  draggable: true,
                  coordinates: { midpoints: true, draggable: true, deletable: true },
                },
              },
            },
          }),
        ],
      });
      draw.start();
      draw.setMode('polygon');
      // One polygon at a time: once finished, switch to editing it.
      draw.on('finish', (id) => {
        if (draw?.getMode() === 'polygon') {
          draw.setMode('select');
          draw.selectFeature(id);
        }
        emit();
      });
      draw.on('change', (_ids, type) => {
        if (type === 'delete') emit();
      });
      drawRef.current = draw;
      setReady(true);
    });
    mapRef.current = map;
    return () => {
      drawRef.current = null;
      mapRef.current = null;
      setReady(false);
      draw?.stop();
      map.remove();
    };
  }, []);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', labels.map);
  }, [labels.map]);

  useEffect(() => {
    if (!ready) return;
    const source = mapRef.current?.getSource(AREA_SOURCE) as { setData?: (d: unknown) => void } | undefined;
    source?.setData?.(areas ?? { type: 'FeatureCollection', features: [] });
  }, [ready, areas]);

  const boundsKey = fitBounds?.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: compared by value through boundsKey
  useEffect(() => {
    if (!ready || !fitBounds) return;
    mapRef.current?.fitBounds(fitBounds, { padding: 32, maxZoom: 12, animate: false });
  }, [ready, boundsKey]);

  useEffect(() => {
    if (!ready || clearKey === undefined) return;
    const draw = drawRef.current;
    if (!draw) return;
    draw.clear();
    draw.setMode('polygon');
    setVertexCount(0);
    onChangeRef.current(null);
  }, [ready, clearKey]);

  return (
    <div
      className={['cm-map', className].filter(Boolean).join(' ')}
      data-ready={ready ? 'true' : undefined}
      data-vertices={vertexCount}
    >
      {unavailable ? (
        <p className="cm-map__unavailable">{labels.unavailable}</p>
      ) : (
        <div ref={containerRef} className="cm-map__canvas" />
      )}
      <p id={hintId} className="cm-visually-hidden">
        {labels.keyboardHint}
      </p>
    </div>
  );
}
