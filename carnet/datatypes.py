"""``datatype``: a dataclass whose methods are shared functions, not code compiled for each class.

``dataclasses.dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and, when frozen, ``__setattr__`` and ``__delattr__`` as source text and compiles
it: about 4 million instructions a frozen class.  Carnet's 45 classes cost 204 million to
declare, 4 % of a 40 x 40 build, spent before the first page is read.  ``datatype`` takes the
arguments Carnet uses (``frozen``, ``eq``, ``order``) and keeps dataclasses' behaviour:
``dataclasses.dataclass`` still collects the fields (``field()``, ``fields()`` and
``replace()`` work as before) and the methods are closures over them; comparisons and hashes
are dataclasses' own (tuples of the compared fields, the same class on both sides).  An
instance made with arguments by position only (most are) takes its other fields' defaults in
one update; with keywords it goes through a loop, a little slower than dataclasses' line a
field: a build makes a few thousand, far less than the compiling spared.  tests/test_core.py
holds it to dataclasses.
"""

from __future__ import annotations

import operator
import reprlib
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields

_ORDER = {"__lt__": operator.lt, "__le__": operator.le, "__gt__": operator.gt, "__ge__": operator.ge}


def datatype(cls=None, /, *, frozen: bool = False, eq: bool = True, order: bool = False):
    """``@datatype`` or ``@datatype(frozen=True, ...)``, as ``@dataclass`` is written."""
    def wrap(cls):
        return _datatype(cls, frozen, eq, order)
    return wrap if cls is None else wrap(cls)


def _datatype(cls, frozen: bool, eq: bool, order: bool):
    class_hash = cls.__dict__.get("__hash__", MISSING)
    explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__))
    if cls.__doc__ is None:   # dataclasses would read it from the signature: inspect.signature, slow
        cls.__doc__ = f"{cls.__name__}({', '.join(cls.__dict__.get('__annotations__', {}))})"
    cls = dataclass(cls, init=False, repr=False, eq=False)   # the fields, without their methods
    every = fields(cls)
    compared = _values([f.name for f in every if f.compare])
    methods = {"__init__": _init(cls, every), "__repr__": _repr([f.name for f in every if f.repr])}
    if eq:
        methods["__eq__"] = _compare(operator.eq, compared)
        if not explicit_hash:   # dataclasses' rule: hashable when frozen, else not at all
            cls.__hash__ = (lambda self: hash(compared(self))) if frozen else None
    if order:
        methods.update({name: _compare(op, compared) for name, op in _ORDER.items()})
    if frozen:
        methods.update(_frozen(cls, {f.name for f in every}))
    for name, method in methods.items():
        if name not in cls.__dict__:   # a method the class writes itself is kept, as dataclasses do
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)
    return cls


def _values(names: list[str]):
    """The tuple dataclasses compare and hash: ``(self.a, self.b)``, a tuple even of one."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _compare(op, values):
    def method(self, other):
        if other.__class__ is self.__class__:
            return op(values(self), values(other))
        return NotImplemented
    return method


def _repr(names: list[str]):
    @reprlib.recursive_repr()   # as dataclasses' own: "..." for an instance inside itself
    def __repr__(self):
        shown = ", ".join([f"{name}={getattr(self, name)!r}" for name in names])
        return f"{self.__class__.__qualname__}({shown})"
    return __repr__


def _init(cls, every):
    """Arguments by position or name, in the fields' order; defaults and factories as the
    fields say; then ``__post_init__`` if the class has one.  The values go into the
    instance's ``__dict__`` at once (what ``object.__setattr__``, a frozen dataclass's way,
    does field by field: none of these classes has slots or descriptors for fields)."""
    fields_in = [(f.name, f.default, f.default_factory) for f in every if f.init]
    names = [name for name, _, _ in fields_in]
    arity, known = len(names), set(names)
    made = [(f.name, f.default_factory) for f in every if not f.init and f.default_factory is not MISSING]
    post_init = hasattr(cls, "__post_init__")
    # For each count of arguments by position, the fields after them, with their defaults
    # (a factory's field first holds None, in its place), and the factories to call; None
    # when one of those fields has neither: a call with no keyword (most are) is served at
    # once, the loop below serves the others.
    tails = [None if any(default is MISSING and factory is MISSING for _, default, factory in fields_in[n:])
             else ({name: None if default is MISSING else default for name, default, _ in fields_in[n:]},
                   [(name, factory) for name, default, factory in fields_in[n:] if default is MISSING] + made)
             for n in range(arity + 1)]

    def __init__(self, *args, **kwargs):
        if not kwargs and len(args) <= arity and (tail := tails[len(args)]) is not None:
            values = self.__dict__
            values.update(zip(names, args))
            defaults, factories = tail
            if defaults:
                values.update(defaults)
            for name, factory in factories:
                values[name] = factory()
            if post_init:
                self.__post_init__()
            return
        if len(args) > arity:
            raise TypeError(f"{cls.__qualname__}() takes {arity} arguments but {len(args)} were given")
        values = dict(zip(names, args))
        for name, default, factory in fields_in[len(args):]:
            if name in kwargs:
                values[name] = kwargs.pop(name)
            elif default is not MISSING:
                values[name] = default
            elif factory is not MISSING:
                values[name] = factory()
            else:
                raise TypeError(f"{cls.__qualname__}() missing required argument: {name!r}")
        if kwargs:
            name = next(iter(kwargs))
            raise TypeError(f"{cls.__qualname__}() got multiple values for argument {name!r}" if name in known
                            else f"{cls.__qualname__}() got an unexpected keyword argument {name!r}")
        for name, factory in made:
            values[name] = factory()
        self.__dict__.update(values)
        if post_init:
            self.__post_init__()
    return __init__


def _frozen(cls, names: set[str]) -> dict:
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return {"__setattr__": __setattr__, "__delattr__": __delattr__}
