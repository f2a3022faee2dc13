// The pin of a new record: placed by a town search or by dragging it on the map (the coordinates
// can be typed too, in the form's own fields). Shared by the partner-institution and provider forms.
import { type Bbox, ServiceMap } from '@caremap/map';
import { useMapLabels } from '@caremap/ui';
import { useT } from '../translate';
import { type Place, PlaceSearch } from './PlaceSearch';

/** The typed coordinates as a pin, when both are numbers (a decimal comma is accepted). */
export function pinOf(lat: string | boolean | undefined, lng: string | boolean | undefined) {
  const y = Number(String(lat).replace(',', '.'));
  const x = Number(String(lng).replace(',', '.'));
  return lat !== '' && lng !== '' && Number.isFinite(y) && Number.isFinite(x)
    ? { lat: y, lng: x }
    : undefined;
}

export function PinPicker({
  bounds,
  pin,
  onPick,
  onMove,
}: {
  bounds: Bbox | undefined;
  pin: { lat: number; lng: number } | undefined;
  /** A town chosen in the search. */
  onPick: (place: Place) => void;
  /** The pin dragged on the map. */
  onMove: (point: { lat: number; lng: number }) => void;
}) {
  const { t } = useT();
  const labels = useMapLabels(t('providers.pinMap'));
  return (
    <div className="prov-pin">
      <PlaceSearch onPick={onPick} />
      <ServiceMap
        className="prov-pin-map"
        labels={labels}
        fitBounds={bounds}
        pin={pin}
        pinLabel={t('providers.pinLabel')}
        onPinMove={onMove}
      />
    </div>
  );
}
