import { type GeoJSONSource, type Map as MapLibreMap, Marker } from 'maplibre-gl';
import { useEffect, useId, useRef, useState } from 'react';
import { createBaseMap, type ServiceMapLabels } from './basemap';
import { type AreaCollection, type Bbox, defaultBounds, type PointCollection, toApiBbox } from './geometry';
import {
  AREA_SOURCE,
  addAreaLayers,
  addHighlightLayer,
  addPointLayers,
  addTileLayers,
  CLUSTER_LAYER,
  HIGHLIGHT_LAYER,
  highlightFilter,
  POINT_LAYER,
  POINT_SOURCE,
  TILE_MAX_ZOOM,
  TILE_SOURCE,
} from './layers';

export interface ServiceMapProps {
  labels: ServiceMapLabels;
  /** Service locations; clustered, drawn as circles (no text: the basemap ships no glyphs). */
  points?: PointCollection;
  /**
   * Instead of `points`: a vector tile URL template (`/tiles/services/{z}/{x}/{y}.mvt?...`, the
   * server clusters). Given at creation, it switches the map to tiles; later changes (other
   * filters) reload the tiles.
   */
  tileUrl?: string;
  /** Territory polygons; `properties.approximate === true` draws a dashed outline. */
  areas?: AreaCollection;
  /** View to show; the map moves whenever the box changes (compared by value). */
  fitBounds?: Bbox;
  /** The visible area after every move, once at start too, as an API bbox. */
  onMoveEnd?: (bbox: Bbox) => void;
  /** Draw the offline basemap from this folder; unset: the configured style (CAREMAP_BASEMAP_STYLE_URL), else /basemap. */
  basemapUrl?: string;
  className?: string;
  /** Group nearby points into clusters (read once, at creation). Default true. */
  cluster?: boolean;
  /** `properties.id` of the point to draw highlighted (the item picked in a list beside the map). */
  highlightedId?: string;
  /** A click on a single point, with its `properties.id`. */
  onPointClick?: (id: string) => void;
  /**
   * A draggable pin (placing a record): where it stands, and where the user dropped it. Dragging
   * needs a pointer; forms offer a place search and coordinate fields beside it.
   */
  pin?: { lat: number; lng: number };
  onPinMove?: (pin: { lat: number; lng: number }) => void;
  /** Accessible name of the pin. */
  pinLabel?: string;
}

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Tile requests run in MapLibre's workers, where a path alone does not resolve: make it absolute. */
function absoluteUrl(url: string): string {
  return /^[a-z]+:/i.test(url) ? url : `${window.location.origin}${url.startsWith('/') ? '' : '/'}${url}`;
}

export function ServiceMap(props: ServiceMapProps) {
  const { labels, points, areas, fitBounds, basemapUrl, className } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const onMoveEndRef = useRef(props.onMoveEnd);
  onMoveEndRef.current = props.onMoveEnd;
  const highlightedRef = useRef(props.highlightedId);
  highlightedRef.current = props.highlightedId;
  const onPointClickRef = useRef(props.onPointClick);
  onPointClickRef.current = props.onPointClick;
  const cluster = useRef(props.cluster ?? true);
  const tiled = useRef(props.tileUrl !== undefined);
  const initialBounds = useRef(fitBounds ?? defaultBounds);
  const fitted = useRef(false);
  const hintId = useId();

  // One MapLibre instance per mounted component, removed on unmount (WebGL contexts are scarce).
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels and URL are read once at creation
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createBaseMap({ container, labels, bounds: initialBounds.current, hintId, basemapUrl });
    if (!map) {
      // No WebGL (old device, locked-down browser): the list next to the map carries the content.
      setUnavailable(true);
      return;
    }
    const canvas = map.getCanvas();

    const emitBounds = () => {
      const bounds = map.getBounds();
      onMoveEndRef.current?.(
        toApiBbox(bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()),
      );
    };
    map.on('load', () => {
      addAreaLayers(map);
      if (props.tileUrl !== undefined) addTileLayers(map, absoluteUrl(props.tileUrl));
      else addPointLayers(map, { cluster: cluster.current });
      addHighlightLayer(map, { tiles: tiled.current });
      setReady(true);
      emitBounds();
    });
    map.on('moveend', emitBounds);
    map.on('click', CLUSTER_LAYER, async (event) => {
      const feature = event.features?.[0];
      if (tiled.current) {
        // A grid cluster of the server: two zoom levels in splits it, up to single points.
        if (feature?.geometry.type !== 'Point') return;
        map.easeTo({
          center: feature.geometry.coordinates as [number, number],
          zoom: Math.min(map.getZoom() + 2, TILE_MAX_ZOOM),
          animate: !prefersReducedMotion(),
        });
        return;
      }
      const clusterId = feature?.properties?.cluster_id;
      if (!feature || typeof clusterId !== 'number' || feature.geometry.type !== 'Point') return;
      const zoom = await map
        .getSource<GeoJSONSource>(POINT_SOURCE)
        ?.getClusterExpansionZoom(clusterId)
        .catch(() => undefined); // the data changed under the click: nothing to zoom into
      if (zoom !== undefined && mapRef.current === map) {
        map.easeTo({
          center: feature.geometry.coordinates as [number, number],
          zoom,
          animate: !prefersReducedMotion(),
        });
      }
    });
    map.on('click', POINT_LAYER, (event) => {
      const id = event.features?.[0]?.properties?.id;
      if (typeof id === 'string') onPointClickRef.current?.(id);
    });
    for (const layer of [CLUSTER_LAYER, POINT_LAYER]) {
      map.on('mouseenter', layer, () => {
        canvas.style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        canvas.style.cursor = '';
      });
    }
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      fitted.current = false;
      setReady(false);
      map.remove();
    };
  }, []);

  // The language can change while the map is shown.
  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', labels.map);
  }, [labels.map]);

  useEffect(() => {
    if (!ready || tiled.current) return;
    mapRef.current?.getSource<GeoJSONSource>(POINT_SOURCE)?.setData(points ?? emptyCollection);
  }, [ready, points]);

  // Other filters: the same source with the new URL (MapLibre reloads the tiles in view).
  const shownTiles = useRef(props.tileUrl);
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !tiled.current || props.tileUrl === undefined) return;
    if (shownTiles.current === props.tileUrl) return;
    shownTiles.current = props.tileUrl;
    // A new source rather than setTiles: in tests setTiles kept the old tiles on screen.
    for (const layer of [HIGHLIGHT_LAYER, POINT_LAYER, CLUSTER_LAYER]) map.removeLayer(layer);
    map.removeSource(TILE_SOURCE);
    addTileLayers(map, absoluteUrl(props.tileUrl));
    addHighlightLayer(map, { tiles: true });
    map.setFilter(HIGHLIGHT_LAYER, highlightFilter(highlightedRef.current, true));
  }, [ready, props.tileUrl]);

  useEffect(() => {
    if (!ready) return;
    mapRef.current?.setFilter(HIGHLIGHT_LAYER, highlightFilter(props.highlightedId, tiled.current));
  }, [ready, props.highlightedId]);

  useEffect(() => {
    if (!ready) return;
    mapRef.current?.getSource<GeoJSONSource>(AREA_SOURCE)?.setData(areas ?? emptyCollection);
  }, [ready, areas]);

  const markerRef = useRef<Marker | null>(null);
  const onPinMoveRef = useRef(props.onPinMove);
  onPinMoveRef.current = props.onPinMove;
  const pin = props.pin;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pin is compared by its coordinates; its label is read once
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    if (!pin) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    if (!markerRef.current) {
      const marker = new Marker({ draggable: true, color: '#d55e00' })
        .setLngLat([pin.lng, pin.lat])
        .addTo(map);
      marker.getElement().setAttribute('aria-label', props.pinLabel ?? '');
      marker.on('dragend', () => {
        const { lat, lng } = marker.getLngLat();
        onPinMoveRef.current?.({ lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 });
      });
      markerRef.current = marker;
      map.easeTo({ center: [pin.lng, pin.lat], zoom: Math.max(map.getZoom(), 12), animate: false });
    } else {
      markerRef.current.setLngLat([pin.lng, pin.lat]);
      if (!map.getBounds().contains([pin.lng, pin.lat]))
        map.easeTo({ center: [pin.lng, pin.lat], animate: !prefersReducedMotion() });
    }
  }, [ready, pin?.lat, pin?.lng]);
  useEffect(
    () => () => {
      markerRef.current?.remove();
      markerRef.current = null;
    },
    [],
  );

  const boundsKey = fitBounds?.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: fitBounds is compared by value through boundsKey
  useEffect(() => {
    if (!ready || !fitBounds) return;
    // The first fit (data just arrived) jumps; later ones glide, so the reader sees where it went.
    const animate = fitted.current && !prefersReducedMotion();
    fitted.current = true;
    mapRef.current?.fitBounds(fitBounds, { padding: 32, maxZoom: 12, animate });
  }, [ready, boundsKey]);

  return (
    <div
      className={['cm-map', className].filter(Boolean).join(' ')}
      // What the canvas shows, for tests and tools that cannot read pixels.
      data-points={ready && !tiled.current ? (points?.features.length ?? 0) : undefined}
      data-tiles={ready && tiled.current ? props.tileUrl : undefined}
      data-highlighted={ready ? props.highlightedId : undefined}
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
