// Adding a provider as networkers meet one: the organization, the service it runs (with its type),
// where (a town search or a dragged pin, as for partner institutions) and how to get in touch; one
// networkRecord.createProvider call. Each field's problem is shown under it, in the user's language.
import { useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import type { Bbox } from '@caremap/map';
import { Button, currentLanguage } from '@caremap/ui';
import { useId, useState } from 'react';
import { useT } from '../translate';
import { FieldInput, fieldErrorsOf } from './Form';
import type { FieldDef, Values } from './fields';
import { PinPicker, pinOf } from './PinPicker';

type Group = 'organization' | 'service' | 'location';
const blank: Record<Group, Values> = {
  organization: { name: '', description: '', email: '', website: '' },
  service: { name: '', description: '', termId: '', phone: '' },
  location: { name: '', city: '', address: '', lat: '', lng: '' },
};
const fieldsets: Array<{ legend: string; fields: Array<{ group: Group; def: FieldDef }> }> = [
  {
    legend: 'providerCreate.organization',
    fields: [
      { group: 'organization', def: { key: 'name', kind: 'text', required: true } },
      { group: 'organization', def: { key: 'description', kind: 'textarea' } },
    ],
  },
  {
    legend: 'providerCreate.service',
    fields: [
      { group: 'service', def: { key: 'name', kind: 'text', required: true } },
      { group: 'service', def: { key: 'description', kind: 'textarea' } },
    ],
  },
  {
    legend: 'providerCreate.place',
    fields: [
      { group: 'location', def: { key: 'city', kind: 'text' } },
      { group: 'location', def: { key: 'address', kind: 'text' } },
      { group: 'location', def: { key: 'lat', kind: 'coordinate', required: true } },
      { group: 'location', def: { key: 'lng', kind: 'coordinate', required: true } },
    ],
  },
  {
    legend: 'providerCreate.contacts',
    fields: [
      { group: 'service', def: { key: 'phone', kind: 'text' } },
      { group: 'organization', def: { key: 'email', kind: 'email' } },
      { group: 'organization', def: { key: 'website', kind: 'url' } },
    ],
  },
];

const groupLegend: Record<Group, string> = {
  organization: 'providerCreate.organization',
  service: 'providerCreate.service',
  location: 'providerCreate.place',
};

const nullIfEmpty = (v: string | boolean | undefined) => (v === '' || v === undefined ? null : String(v));
const coordinate = (v: string | boolean | undefined) =>
  v === '' ? Number.NaN : Number(String(v).replace(',', '.'));

export function ProviderCreate({
  bounds,
  onDone,
}: {
  bounds: Bbox | undefined;
  onDone: (locationId: string | null) => void;
}) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const typeId = useId();
  const [values, setValues] = useState(blank);
  // The service types; while they load (or if they fail) the form works without one.
  const groups = useQuery(trpc.taxonomy.terms.queryOptions({ language: currentLanguage() })).data ?? [];
  const create = useMutation(
    trpc.networkRecord.createProvider.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries(trpc.networkRecord.pathFilter());
        void queryClient.invalidateQueries(trpc.territory.mine.pathFilter());
        onDone(r.locationId);
      },
    }),
  );
  const set = (group: Group) => (key: string, value: string | boolean) =>
    setValues((v) => ({ ...v, [group]: { ...v[group], [key]: value } }));
  const setPin = (lat: number, lng: number, city?: string) =>
    setValues((v) => ({
      ...v,
      location: { ...v.location, lat: String(lat), lng: String(lng), city: v.location.city || (city ?? '') },
    }));
  const errors = create.isError
    ? {
        organization: fieldErrorsOf(create.error, t, 'organization'),
        service: fieldErrorsOf(create.error, t, 'service'),
        location: fieldErrorsOf(create.error, t, 'location'),
      }
    : null;
  // Both the organization and the service have a "Name": the summary says whose field it is.
  const summary = errors
    ? (['organization', 'service', 'location'] as const)
        .filter((g) => Object.keys(errors[g].fields).length > 0)
        .map((g) => `${t(groupLegend[g])} – ${errors[g].message}`)
        .join('; ') || errors.organization.message
    : null;
  const { organization: o, service: s, location: l } = values;
  const typeError = errors?.service.fields.termIds;
  return (
    <section className="prov-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('providerCreate.title')}</h3>
      <form
        className="prov-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({
            organization: {
              name: String(o.name),
              description: String(o.description),
              email: String(o.email),
              website: String(o.website),
            } as never,
            service: {
              name: String(s.name),
              description: nullIfEmpty(s.description),
              termIds: s.termId ? [String(s.termId)] : [],
              phone: nullIfEmpty(s.phone),
            },
            location: {
              name: nullIfEmpty(l.name),
              city: nullIfEmpty(l.city),
              address: nullIfEmpty(l.address),
              lat: coordinate(l.lat),
              lng: coordinate(l.lng),
            },
          });
        }}
      >
        {summary ? (
          <p className="prov-error" role="alert">
            {summary}
          </p>
        ) : null}
        {fieldsets.map((fieldset) => (
          <fieldset key={fieldset.legend} className="prov-fieldset">
            <legend>{t(fieldset.legend)}</legend>
            {fieldset.legend === 'providerCreate.place' ? (
              <PinPicker
                bounds={bounds}
                pin={pinOf(l.lat, l.lng)}
                onPick={(p) => setPin(p.lat, p.lng, p.name)}
                onMove={(p) => setPin(p.lat, p.lng)}
              />
            ) : null}
            <div className="prov-grid">
              {fieldset.fields.map(({ group, def }) => (
                <FieldInput
                  key={`${group}.${def.key}`}
                  def={def}
                  values={values[group]}
                  setValue={set(group)}
                  error={errors?.[group].fields[def.key]}
                />
              ))}
              {fieldset.legend === 'providerCreate.service' ? (
                <div className={`prov-field${typeError ? ' prov-field--invalid' : ''}`}>
                  <label htmlFor={typeId} className="prov-field__label">
                    {t('providerCreate.serviceType')}
                  </label>
                  <select
                    id={typeId}
                    value={String(s.termId)}
                    aria-invalid={typeError ? true : undefined}
                    aria-describedby={typeError ? `${typeId}-error` : undefined}
                    onChange={(e) => set('service')('termId', e.target.value)}
                  >
                    <option value="">{t('providerCreate.chooseType')}</option>
                    {groups.map((g) => (
                      <optgroup key={g.id} label={g.label}>
                        <option value={g.id}>{g.label}</option>
                        {g.terms.map((term) => (
                          <option key={term.id} value={term.id}>
                            {term.label}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                  {typeError ? (
                    <p id={`${typeId}-error`} className="prov-field__error">
                      {typeError}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </div>
          </fieldset>
        ))}
        <div className="prov-actions">
          <Button type="submit" busy={create.isPending}>
            {t('providerCreate.submit')}
          </Button>
          <Button variant="quiet" onClick={() => onDone(null)}>
            {t('providers.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
